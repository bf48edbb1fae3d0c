import type { DeciderRole, StaffRole } from '@firebreak/domain';

/** Roles a caller may hold: a staff role from a token or sign-in, or `contact` for a customer's signed link. */
export type CallerRole = StaffRole | 'contact';

const DECIDER_ROLES: Record<CallerRole, DeciderRole | undefined> = {
  administrator: 'administrator',
  'on-call': 'on-call',
  contact: 'contact',
  // Managers review and viewers watch: neither takes a playbook's judgement calls.
  manager: undefined,
  viewer: undefined,
};

/** The role a caller decides in, or undefined when the caller's role takes no decisions at all. */
export function deciderRoleOf(role: CallerRole): DeciderRole | undefined {
  return DECIDER_ROLES[role];
}

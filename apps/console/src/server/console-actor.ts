import type { Actor, StaffRole } from '@firebreak/domain';

/**
 * Who acts when someone uses the console. Staff sign-in is not built yet; when it is, the actor and roles come from
 * the signed-in session and these shared stand-ins go away.
 */
export const CONSOLE_ACTOR: Actor = { kind: 'user', id: 'console', name: 'Console operator' };

/** The console takes a playbook's decisions as on-call. */
export const CONSOLE_DECIDER_ROLE = 'on-call' satisfies StaffRole;

/** The policy page saves as an administrator: whoever can reach the console today can run every playbook anyway. */
export const CONSOLE_POLICY_ROLE = 'administrator' satisfies StaffRole;

import { FirebreakError, type StaffRole } from '@firebreak/domain';

/** What a caller may do. Each server operation names the one it needs and checks it itself. */
export type Permission =
  | 'incidents:read'
  | 'incidents:declare'
  | 'incidents:close'
  | 'decisions:take'
  | 'links:revoke'
  | 'directory:read'
  | 'directory:write'
  | 'policy:read'
  | 'policy:write'
  | 'reports:export'
  | 'users:manage'
  | 'security-settings:manage'
  | 'audit:read';

const VIEWER: Permission[] = ['incidents:read'];
// Managers read everything except the audit log and the access policy (users, security settings), and export.
const MANAGER: Permission[] = [...VIEWER, 'directory:read', 'policy:read', 'reports:export'];
const ON_CALL: Permission[] = [
  ...VIEWER,
  'directory:read',
  'policy:read',
  'incidents:declare',
  'incidents:close',
  'decisions:take',
  // Withdraws a contact's notice link (a wrong recipient, a forwarded message).
  'links:revoke',
  // Hands an incident over (printable report, JSON, CSV) and sees the reports: nothing an on-call engineer cannot
  // already read on the incident pages.
  'reports:export',
];
const ADMINISTRATOR: Permission[] = [
  ...new Set<Permission>([
    ...MANAGER,
    ...ON_CALL,
    'directory:write',
    'policy:write',
    'users:manage',
    'security-settings:manage',
    'audit:read',
  ]),
];

const GRANTS: Record<StaffRole, ReadonlySet<Permission>> = {
  viewer: new Set(VIEWER),
  manager: new Set(MANAGER),
  'on-call': new Set(ON_CALL),
  administrator: new Set(ADMINISTRATOR),
};

export function can(role: StaffRole, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}

/** FORBIDDEN unless the role grants the permission. */
export function assertPermitted(role: StaffRole, permission: Permission): void {
  if (!can(role, permission)) {
    throw new FirebreakError('FORBIDDEN', `Your role (${role}) does not allow this.`);
  }
}

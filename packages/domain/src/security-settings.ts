import { z } from 'zod';

/**
 * How passwords are judged. `guidance` follows current advice (length and a breached-password list, nothing else);
 * `classic` adds the older rules some customers' auditors still ask for: four character classes and periodic expiry.
 */
export const PasswordPolicy = z.object({
  mode: z.enum(['guidance', 'classic']),
  minLength: z.number().int().min(8).max(128),
  /** Only in `classic` mode: days after which a password must be changed. */
  expiryDays: z.number().int().min(1).max(3650),
});
export type PasswordPolicy = z.infer<typeof PasswordPolicy>;

export const LockoutPolicy = z.object({
  /** Failed sign-ins for one account from one source address before that pair is locked. */
  maxFailedAttempts: z.number().int().min(3).max(100),
  lockoutSeconds: z.number().int().min(60).max(86_400),
});
export type LockoutPolicy = z.infer<typeof LockoutPolicy>;

export const SecuritySettings = z.object({
  password: PasswordPolicy,
  lockout: LockoutPolicy,
  /** Shown on the sign-in page before anyone signs in. */
  signInBanner: z.string().trim().min(1).max(2000),
  sessionHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 14),
});
export type SecuritySettings = z.infer<typeof SecuritySettings>;

export const DEFAULT_SECURITY_SETTINGS: SecuritySettings = {
  password: { mode: 'guidance', minLength: 12, expiryDays: 90 },
  lockout: { maxFailedAttempts: 5, lockoutSeconds: 15 * 60 },
  signInBanner: 'Authorized users only. Activity on this system is recorded and may be reviewed.',
  sessionHours: 12,
};

export const AuditSeverity = z.enum(['info', 'notice', 'warning', 'alert']);
export type AuditSeverity = z.infer<typeof AuditSeverity>;

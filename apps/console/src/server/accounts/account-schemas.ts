import { StaffRole } from '@firebreak/domain';
import { z } from 'zod';

export const Username = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[a-zA-Z0-9._@-]+$/, 'use letters, digits and . _ @ - only');

export const NewUserBody = z.strictObject({
  username: Username,
  displayName: z.string().trim().min(1).max(200),
  role: StaffRole,
  password: z.string().min(1).max(1024),
});

export const UserUpdateBody = z.strictObject({
  role: StaffRole.optional(),
  disabled: z.boolean().optional(),
});

export const PasswordChangeBody = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(1).max(1024),
});

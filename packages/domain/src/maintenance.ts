import { z } from 'zod';

import { Actor } from './actor';
import { DeciderRole } from './roles';

/** A single-tenant customer's request to move its maintenance window to an agreed time. */
export const DeferralRequest = z.object({
  requestId: z
    .string()
    .min(8)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/),
  deploymentId: z.string().min(1).max(64),
  /** The new window; no later than the deferral limit the schedule notice gave. */
  until: z.iso.datetime(),
  reason: z.string().trim().min(1, 'give a reason').max(2000),
  actor: Actor,
  role: DeciderRole,
});
export type DeferralRequest = z.infer<typeof DeferralRequest>;

export const MaintenancePlan = z.object({
  deploymentId: z.string(),
  tenancy: z.enum(['single', 'multi']),
  window: z.iso.datetime(),
  deferrableUntil: z.iso.datetime().nullable(),
  status: z.enum(['scheduled', 'upgrading', 'upgraded', 'failed']),
  deferredBy: z.string().nullable(),
});
export type MaintenancePlan = z.infer<typeof MaintenancePlan>;

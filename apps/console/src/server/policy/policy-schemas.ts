import { Actor, Policy } from '@firebreak/domain';
import { z } from 'zod';

/** The body of `PUT /api/v1/policy`: the whole new policy and why it changes. */
export const PolicyUpdateBody = z.object({
  policy: Policy,
  reason: z.string().trim().min(1, 'say why the policy changes').max(2000),
});
export type PolicyUpdateBody = z.infer<typeof PolicyUpdateBody>;

export const PolicyVersion = z.object({
  version: z.number().int().min(1),
  policy: Policy,
  changedBy: Actor,
  changedAt: z.iso.datetime(),
  reason: z.string(),
});

/** The policy in force; `version` is null while the documented defaults have never been changed. */
export const CurrentPolicy = z.object({
  policy: Policy,
  version: z.number().int().min(1).nullable(),
  changedBy: Actor.nullable(),
  changedAt: z.iso.datetime().nullable(),
});
export type CurrentPolicy = z.infer<typeof CurrentPolicy>;

export const PolicyHistory = z.object({ versions: z.array(PolicyVersion) });

import { createHash } from 'node:crypto';

import type { Actor, DeclareIncidentRequest } from '@firebreak/domain';

/**
 * A digest of what a declaration asks for and who asks, so a repeated Idempotency-Key can be told apart from
 * a reused one. Deployment order carries no meaning and is normalised away; so is the actor's display name. Every
 * field has its place, null when not given.
 * The object key order of `vulnerability` is the schema's, since it comes out of zod parsing.
 */
export function declarationHash(request: DeclareIncidentRequest, actor: Actor): string {
  const canonical = JSON.stringify([
    request.playbook,
    [...request.deploymentIds].sort(),
    request.severity,
    request.summary,
    actor.kind,
    actor.id,
    request.sourceAddress ?? null,
    request.vulnerability ?? null,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

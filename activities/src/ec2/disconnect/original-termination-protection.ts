import { findOriginalTerminationProtection, findPreChangeState, type FirebreakDb } from '@firebreak/db';
import { PreChangeState } from '../shared/pre-change-state';

/**
 * Each instance's termination protection before the incident changed it, by instance id: what the protection step
 * recorded, else what an earlier version's pre-change capture read. An instance in neither was never reached by the
 * protection step, so nothing changed its protection.
 */
export async function originalTerminationProtection(
  db: FirebreakDb,
  incidentId: string,
  deploymentId: string,
): Promise<Map<string, boolean>> {
  const originals = await terminationProtectionInPreChangeState(db, incidentId, deploymentId);
  for (const [instanceId, wasProtected] of await findOriginalTerminationProtection(db, incidentId, deploymentId)) {
    originals.set(instanceId, wasProtected);
  }
  return originals;
}

/**
 * Protection as read by the pre-change capture of earlier versions, which took it ahead of the deny ACL (one read
 * per instance); captures taken since leave it to the protection step and carry none.
 */
export async function terminationProtectionInPreChangeState(
  db: FirebreakDb,
  incidentId: string,
  deploymentId: string,
): Promise<Map<string, boolean>> {
  const stored = await findPreChangeState(db, incidentId, deploymentId);
  const captured = new Map<string, boolean>();
  for (const instance of stored ? PreChangeState.parse(stored.state).instances : []) {
    if (instance.terminationProtection !== undefined) captured.set(instance.instanceId, instance.terminationProtection);
  }
  return captured;
}

import { type FirebreakDb, savePolicy } from '@firebreak/db';
import type { Policy } from '@firebreak/domain';

/** Makes this the policy the console gives the next incidents it declares (each keeps a copy of it). */
export async function putPolicyInForce(db: FirebreakDb, policy: Policy): Promise<void> {
  await savePolicy(db, { policy, changedBy: { kind: 'system', id: 'test-setup', name: 'Test setup' }, reason: 'test clocks in seconds' });
}

import { Actor, DEFAULT_POLICY, Policy } from '@firebreak/domain';

import type { FirebreakDb } from '../open-database';

export interface PolicyVersion {
  version: number;
  policy: Policy;
  changedBy: Actor;
  changedAt: string;
  reason: string;
}

/** The policy in force: the latest version, or the documented defaults before anyone changed it. */
export async function currentPolicy(db: FirebreakDb): Promise<Policy> {
  const row = await db.selectFrom('policy_versions').select('policy').orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row ? Policy.parse(JSON.parse(row.policy)) : DEFAULT_POLICY;
}

/** Records a new version; the previous ones stay, so every change can be shown with who made it and why. */
export async function savePolicy(
  db: FirebreakDb,
  input: { policy: Policy; changedBy: Actor; reason: string; at?: string },
): Promise<PolicyVersion> {
  const policy = Policy.parse(input.policy);
  const changedAt = input.at ?? new Date().toISOString();
  const row = await db
    .insertInto('policy_versions')
    .values({ policy: JSON.stringify(policy), changed_by: JSON.stringify(input.changedBy), changed_at: changedAt, reason: input.reason })
    .returning('version')
    .executeTakeFirstOrThrow();
  return { version: row.version, policy, changedBy: input.changedBy, changedAt, reason: input.reason };
}

export async function listPolicyVersions(db: FirebreakDb): Promise<PolicyVersion[]> {
  const rows = await db.selectFrom('policy_versions').selectAll().orderBy('version', 'desc').execute();
  return rows.map((r) => ({
    version: r.version,
    policy: Policy.parse(JSON.parse(r.policy)),
    changedBy: Actor.parse(JSON.parse(r.changed_by)),
    changedAt: r.changed_at,
    reason: r.reason,
  }));
}

import type { Policy } from '@firebreak/domain';

import { DataTable } from '@/components/data-table';
import { formatDuration } from '@/components/format-time';
import { UtcTime } from '@/components/utc-time';
import { can } from '@/server/auth/permissions';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { getPolicy } from '@/server/policy/get-policy';
import { listPolicyHistory } from '@/server/policy/list-policy-history';
import { DURATION_FIELDS } from '@/server/policy/policy-form-fields';

import { PolicyForm } from './policy-form';

export const metadata = { title: 'Policy' };

export default async function PolicyPage() {
  const caller = await requirePageActor('policy:read');
  const [current, versions] = await Promise.all([getPolicy(caller), listPolicyHistory(caller)]);
  return (
    <>
      <h1>Response policy</h1>
      <p className="lead">
        {current.version === null ? (
          'The documented defaults are in force; nobody has changed them yet.'
        ) : (
          <>
            Version {current.version} is in force, saved <UtcTime iso={current.changedAt!} /> by {current.changedBy!.name}.
          </>
        )}
      </p>
      {/* Keyed by version so a save shows the saved values rather than what was typed. */}
      {can(caller.role, 'policy:write') ? (
        <PolicyForm key={current.version ?? 0} policy={current.policy} />
      ) : (
        <p className="muted">Only administrators change the policy.</p>
      )}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Versions</h2>
        <DataTable
          rows={versions}
          rowKey={(version) => version.version}
          empty="No changes yet."
          columns={[
            { header: 'Version', cell: (version) => version.version },
            { header: 'Saved', cell: (version) => <UtcTime iso={version.changedAt} /> },
            { header: 'By', cell: (version) => version.changedBy.name },
            { header: 'Reason', cell: (version) => version.reason },
            {
              header: 'Targets',
              cell: (version) => (
                <details>
                  <summary>Show</summary>
                  <PolicySummary policy={version.policy} />
                </details>
              ),
            },
          ]}
        />
      </section>
    </>
  );
}

function PolicySummary({ policy }: { policy: Policy }) {
  return (
    <dl className="facts">
      {DURATION_FIELDS.map(({ name, label }) => (
        <div key={name}>
          <dt>{label}</dt>
          <dd>{formatDuration(policy[name] * 1000)}</dd>
        </div>
      ))}
      <dt>Warn at</dt>
      <dd>{Math.round(policy.warnAtFraction * 100)} % of a clock&apos;s time</dd>
      <dt>Operations email</dt>
      <dd>{policy.operationsEmail}</dd>
    </dl>
  );
}

import type {
  DeploymentPreview,
  DisconnectChanges,
  DryRunCheck,
  DryRunOutcome,
  IncidentPreview,
  MaintenanceChanges,
  NoticePreview,
  SourceBlockChanges,
} from '@firebreak/domain';
import type { ReactNode } from 'react';

import { formatDuration } from '@/components/format-time';
import { UtcTime } from '@/components/utc-time';

const OUTCOMES: Record<DryRunOutcome, { symbol: string; label: string }> = {
  allowed: { symbol: '✓', label: 'Allowed' },
  refused: { symbol: '✕', label: 'Would be refused' },
  'not-checked': { symbol: '–', label: 'Not checked' },
  failed: { symbol: '⚠', label: 'Error' },
  'dry-run-ignored': { symbol: '⚠', label: 'Performed, not a dry run' },
};

const NOTICE_LABELS: Record<NoticePreview['kind'], string> = {
  'incident-details': 'Incident details',
  'risk-communication': 'Risk communication',
  'backup-environment-ready': 'Backup environment ready',
  'maintenance-schedule': 'Maintenance schedule',
  'deferral-confirmation': 'Deferral confirmation',
  'bulletin-exploitable': 'Security bulletin',
  'bulletin-not-exploitable': 'Security bulletin (not exploitable)',
  'monitoring-sign-off-request': 'Monitoring sign-off request',
  'incident-closed': 'Incident closed',
  'service-restored': 'Service restored',
  reminder: 'Reminder',
  'operations-alert': 'Operations alert',
};

/** The preview as tables: warnings first, then each deployment's changes and permission checks, then the notices. */
export function PreviewTables({ preview }: { preview: IncidentPreview }) {
  return (
    <>
      <p className="muted">
        Read from EC2 at <UtcTime iso={preview.previewedAt} />. Nothing has changed yet. <span className="mono">{'{incident}'}</span> stands
        for the new incident&apos;s id.
      </p>
      {preview.warnings.length > 0 && (
        <div className="preview-warnings">
          <h3>Check before running</h3>
          <ul>
            {preview.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      )}
      {preview.deployments.map((deployment) => (
        <DeploymentSection key={deployment.deploymentId} deployment={deployment} />
      ))}
      <Notices notices={preview.notices} />
    </>
  );
}

function DeploymentSection({ deployment }: { deployment: DeploymentPreview }) {
  const { changes } = deployment;
  return (
    <section className="preview-deployment" aria-labelledby={`preview-${deployment.deploymentId}`}>
      <h3 id={`preview-${deployment.deploymentId}`}>
        {deployment.name} <span className="mono muted">{deployment.deploymentId}</span>
      </h3>
      <p className="muted">
        {deployment.tenancy === 'single' ? 'Single-tenant' : 'Multi-tenant'} · {deployment.region}
      </p>
      {deployment.problem && <p className="form-error">{deployment.problem}</p>}
      {changes?.kind === 'disconnect' && <DisconnectTables changes={changes} />}
      {changes?.kind === 'source-block' && <SourceBlockTable changes={changes} />}
      {changes?.kind === 'maintenance' && <MaintenanceTables changes={changes} />}
      {deployment.permissions.length > 0 && <PermissionTable checks={deployment.permissions} />}
    </section>
  );
}

function DisconnectTables({ changes }: { changes: DisconnectChanges }) {
  return (
    <>
      <Table
        caption={`Instances (${changes.instances.length}): termination protection on, interfaces isolated, volumes snapshotted`}
        headings={['Instance', 'State', 'Subnet', 'Security groups now', 'Termination protection now']}
        rows={changes.instances.map((i) => [
          i.instanceId,
          i.state,
          i.subnetId ?? '—',
          i.securityGroupIds.join(', '),
          i.terminationProtection ? 'On' : 'Off',
        ])}
        empty="No instance of this deployment in EC2."
        mono={[0, 2, 3]}
      />
      <Table
        caption={`Network interfaces (${changes.networkInterfaces.length}): moved to the allow-all group, then the isolation group`}
        headings={['Interface', 'Instance', 'Subnet', 'Security groups now']}
        rows={changes.networkInterfaces.map((n) => [
          n.networkInterfaceId,
          n.instanceId ?? '—',
          n.subnetId ?? '—',
          n.securityGroupIds.join(', '),
        ])}
        empty="No network interface to isolate."
        mono={[0, 1, 2, 3]}
      />
      <Table
        caption={`Elastic IPs (${changes.elasticIps.length}): detached; the allocations are kept for the restore`}
        headings={['Address', 'Allocation', 'Instance', 'Interface']}
        rows={changes.elasticIps.map((e) => [e.publicIp, e.allocationId, e.instanceId ?? '—', e.networkInterfaceId ?? '—'])}
        empty="No Elastic IP to detach."
        mono={[0, 1, 2, 3]}
      />
      <Table
        caption={`Auto-assigned public addresses (${changes.autoAssignedAddresses.length}): each primary interface asked to give its address up`}
        headings={['Address', 'Interface', 'Instance']}
        rows={changes.autoAssignedAddresses.map((a) => [a.publicIp, a.networkInterfaceId, a.instanceId ?? '—'])}
        empty="No auto-assigned public address."
        mono={[0, 1, 2]}
      />
      <Table
        caption={`Interfaces no tagged instance owns (${changes.untaggedInterfaces.length}): cut off by the subnet ACL only; their owners decide the rest`}
        headings={['Interface', 'Subnet', 'Owner', 'Description']}
        rows={changes.untaggedInterfaces.map((u) => [u.networkInterfaceId, u.subnetId ?? '—', u.owner ?? '—', u.description ?? '—'])}
        empty="Every interface in the subnets belongs to a tagged instance."
        mono={[0, 1, 2]}
      />
      <Table
        caption="Auto Scaling and load balancers: suspended and deregistered before any instance is touched"
        headings={['Kind', 'Name', 'What happens']}
        rows={[
          ...changes.autoScalingGroups.map((name) => [
            'Auto Scaling group',
            name,
            'Launch, ReplaceUnhealthy, AZRebalance and HealthCheck suspended',
          ]),
          ...changes.targetGroups.map((t) => ['Target group', t.targetGroupArn, `${t.targets} target(s) deregistered`]),
        ]}
        empty="No Auto Scaling group or target group holds these instances."
        mono={[1]}
      />
      <Table
        caption={`Subnets (${changes.subnets.length}): moved onto the new deny-all network ACL${changes.ipv6Blocks.length > 0 ? ', which denies IPv6 (::/0) too' : ''}`}
        headings={['Subnet', 'Network ACL now']}
        rows={changes.subnets.map((s) => [s.subnetId, s.networkAclId])}
        empty="No subnet found: nothing would be cut off at the network ACL."
        mono={[0, 1]}
      />
      <Table
        caption={`Created in ${changes.vpcId}`}
        headings={['Resource', 'Name', 'What it does']}
        rows={changes.created.map((c) => [c.resource === 'network-acl' ? 'Network ACL' : 'Security group', c.name, c.purpose])}
        mono={[1]}
      />
      <Table
        caption={`Volumes (${changes.volumes.length}): a forensic snapshot each, kept on termination`}
        headings={['Volume', 'Instance', 'Device', 'Deleted on termination now']}
        rows={changes.volumes.map((v) => [v.volumeId, v.instanceId, v.deviceName, v.deleteOnTermination ? 'Yes (will be kept)' : 'No'])}
        empty="No volume to snapshot."
        mono={[0, 1, 2]}
      />
    </>
  );
}

function SourceBlockTable({ changes }: { changes: SourceBlockChanges }) {
  const change = (e: SourceBlockChanges['entries'][number]) =>
    e.action === 'add'
      ? `Add deny rule ${e.ruleNumber}`
      : e.action === 'already-there'
        ? `Already denied by rule ${e.ruleNumber}`
        : 'No free rule number: the block fails';
  return (
    <Table
      caption={`Deny entries for ${changes.cidr}, both ways, below every allow rule`}
      headings={['Network ACL', 'Subnets', 'Direction', 'Change']}
      rows={changes.entries.map((e) => [e.networkAclId, e.subnetIds.join(', '), e.egress ? 'Outbound' : 'Inbound', change(e)])}
      empty="No network ACL found on the deployment's subnets."
      mono={[0, 1]}
    />
  );
}

function MaintenanceTables({ changes }: { changes: MaintenanceChanges }) {
  const after = formatDuration(changes.windowAfterFixSeconds * 1000);
  const when =
    changes.schedule === 'at-fix-release'
      ? 'Upgraded as soon as the fixed software is released.'
      : changes.schedule === 'proposed-window'
        ? `The customer is proposed a window ${after} after the fix is released.`
        : `Upgraded with the regular update train, ${after} after the fix is released.`;
  const deferral =
    changes.deferrableForSeconds === null ? '' : ` They may move it by up to ${formatDuration(changes.deferrableForSeconds * 1000)}.`;
  return (
    <>
      <p>
        <strong>{changes.tenancy === 'single' ? 'Single-tenant' : 'Multi-tenant'}:</strong> {when}
        {deferral}
      </p>
      <Table
        caption={`Instances (${changes.instances.length}): each replaced by one from the patched image`}
        headings={['Instance', 'State', 'Image now']}
        rows={changes.instances.map((i) => [i.instanceId, i.state, i.imageId ?? '—'])}
        empty="No instance of this deployment in EC2."
        mono={[0, 2]}
      />
    </>
  );
}

function PermissionTable({ checks }: { checks: DryRunCheck[] }) {
  return (
    <div className="table-scroll">
      <table>
        <caption>EC2 permission check: one call of each kind, sent with DryRun</caption>
        <thead>
          <tr>
            <th scope="col">Call</th>
            <th scope="col">Tried on</th>
            <th scope="col">Answer</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {checks.map((check) => (
            <tr key={check.action}>
              <td className="mono">{check.action}</td>
              <td className="mono">{check.target ?? '—'}</td>
              <td>
                <span className={`badge dry-run-${check.outcome}`}>
                  <span aria-hidden="true">{OUTCOMES[check.outcome].symbol}</span> {OUTCOMES[check.outcome].label}
                </span>
              </td>
              <td>{check.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Notices({ notices }: { notices: NoticePreview[] }) {
  return (
    <section className="preview-deployment" aria-labelledby="preview-notices">
      <h3 id="preview-notices">First notices</h3>
      {notices.length === 0 ? (
        <p className="empty">Nobody is notified first: no contact in the directory matches.</p>
      ) : (
        <Table
          caption={`${notices.length} ${notices.length === 1 ? 'recipient' : 'recipients'}`}
          headings={['Recipient', 'Email', 'Customer', 'Notice', 'When']}
          rows={notices.map((n) => [n.recipientName, n.recipientEmail, n.customerName ?? '—', NOTICE_LABELS[n.kind], n.when])}
          mono={[1]}
        />
      )}
    </section>
  );
}

interface TableProps {
  caption: string;
  headings: string[];
  rows: ReactNode[][];
  /** Shown instead of an empty table. */
  empty?: string;
  /** Columns of ids and addresses, set in the monospace face. */
  mono?: number[];
}

function Table({ caption, headings, rows, empty, mono = [] }: TableProps) {
  if (rows.length === 0) return <p className="muted">{empty ?? 'None.'}</p>;
  return (
    <div className="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {headings.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => (
                <td key={c} className={mono.includes(c) ? 'mono' : undefined}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

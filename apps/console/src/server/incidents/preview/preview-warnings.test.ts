import type { DeploymentPreview, NoticePreview } from '@firebreak/domain';
import { describe, expect, it } from 'vitest';

import { previewWarnings } from './preview-warnings';

const deployment = (changes: DeploymentPreview['changes'], permissions: DeploymentPreview['permissions'] = []): DeploymentPreview => ({
  deploymentId: 'acme-prod',
  name: 'Acme production',
  region: 'us-east-1',
  tenancy: 'single',
  customerIds: ['acme', 'globex'],
  changes,
  problem: null,
  permissions,
});

const disconnect = (instances: number): DeploymentPreview['changes'] => ({
  kind: 'disconnect',
  vpcId: 'vpc-1',
  instances: Array.from({ length: instances }, (_, i) => ({
    instanceId: `i-${i}`,
    state: 'running',
    subnetId: 'subnet-1',
    securityGroupIds: [],
    terminationProtection: false,
  })),
  networkInterfaces: [],
  elasticIps: [],
  subnets: [],
  created: [],
  volumes: [],
  autoAssignedAddresses: [],
  ipv6Blocks: [],
  untaggedInterfaces: [],
  autoScalingGroups: [],
  targetGroups: [],
});

const notice = (customerId: string | null): NoticePreview => ({
  kind: 'incident-details',
  when: 'soon',
  recipientName: 'X',
  recipientEmail: 'x@example.org',
  customerId,
  customerName: customerId,
  contactId: customerId && `${customerId}-tech`,
  role: customerId ? 'designated-technical' : null,
});

const customers = [
  { id: 'acme', name: 'Acme' },
  { id: 'globex', name: 'Globex' },
];

describe('previewWarnings', () => {
  it('puts what would stop the playbook first: a refused call, an ACL without room', () => {
    const warnings = previewWarnings({
      playbook: 'infrastructure-compromise',
      deployments: [
        deployment(disconnect(1), [
          { action: 'CreateSnapshot', target: 'vol-1', outcome: 'failed', detail: 'IncorrectState: busy' },
          { action: 'DisassociateAddress', target: 'eipassoc-1', outcome: 'refused', detail: 'no permission' },
          { action: 'CreateNetworkAcl', target: 'vpc-1', outcome: 'allowed', detail: 'ok' },
        ]),
      ],
      notices: [notice('acme'), notice('globex')],
      customers,
    });
    expect(warnings).toEqual([
      'Acme production: EC2 would refuse DisassociateAddress on eipassoc-1; the playbook would stop there.',
      'Acme production: CreateSnapshot on vol-1 was answered with an error: IncorrectState: busy',
    ]);
  });

  it('names a customer nobody will tell, and a deployment with no instance', () => {
    expect(
      previewWarnings({
        playbook: 'application-compromise',
        deployments: [deployment(disconnect(0))],
        notices: [notice('acme')],
        customers,
      }),
    ).toEqual([
      'Acme production: EC2 has no instance tagged for this deployment; only its subnets would be cut off.',
      'Nobody at Globex will be told: the directory has no designated technical contact for them.',
    ]);
  });

  it('does not expect customer notices from suspicious activity, and flags an ACL with no room', () => {
    const block: DeploymentPreview['changes'] = {
      kind: 'source-block',
      cidr: '203.0.113.9/32',
      entries: [{ networkAclId: 'acl-1', subnetIds: ['subnet-1'], egress: true, action: 'no-room', ruleNumber: null }],
    };
    expect(
      previewWarnings({ playbook: 'suspicious-activity', deployments: [deployment(block)], notices: [notice(null)], customers }),
    ).toEqual(['Acme production: network ACL acl-1 has no free outbound rule number below its first allow rule; the block would fail.']);
  });
});

import type { Customer, Deployment } from '@firebreak/domain';
import { describe, expect, it } from 'vitest';

import { directoryChanges } from './directory-changes';

const acme: Customer = {
  id: 'acme',
  name: 'Acme',
  tenancy: 'multi',
  contacts: [
    { id: 'acme-ada', name: 'Ada', email: 'ada@acme.example', role: 'designated-technical' },
    { id: 'acme-bob', name: 'Bob', email: 'bob@acme.example', role: 'management' },
  ],
};
const shared: Deployment = {
  id: 'shared',
  name: 'Shared',
  tenancy: 'multi',
  customerIds: ['acme', 'globex'],
  region: 'us-east-1',
  vpcId: 'vpc-0a',
  subnetIds: ['subnet-0a'],
  applicationKind: 'faspex',
  instanceTag: 'shared',
  allowListedSources: [],
};

describe('directoryChanges', () => {
  it('names what is created, which fields change, and the contacts removed; values never appear', () => {
    const saved = {
      customers: [
        {
          ...acme,
          name: 'Acme Media',
          contacts: [
            { ...acme.contacts[0]!, email: 'ada@new.example' },
            { id: 'acme-cy', name: 'Cy', email: 'cy@acme.example', role: 'other' as const },
          ],
        },
        { id: 'globex', name: 'Globex', tenancy: 'single' as const, contacts: [] },
      ],
      deployments: [{ ...shared, customerIds: ['globex', 'acme'], subnetIds: ['subnet-0a', 'subnet-0b'] }],
    };
    const changes = directoryChanges({ customers: [acme], deployments: [shared] }, saved);
    expect(changes).toEqual([
      { entity: 'customer', change: 'updated', id: 'acme', fields: ['name'] },
      { entity: 'contact', change: 'updated', id: 'acme-ada', customerId: 'acme', fields: ['email'] },
      { entity: 'contact', change: 'created', id: 'acme-cy', customerId: 'acme' },
      { entity: 'contact', change: 'removed', id: 'acme-bob', customerId: 'acme' },
      { entity: 'customer', change: 'created', id: 'globex' },
      { entity: 'deployment', change: 'updated', id: 'shared', fields: ['subnetIds'] },
    ]);
    expect(JSON.stringify(changes)).not.toContain('@');
  });

  it('finds nothing to record when the same directory is saved again', () => {
    expect(
      directoryChanges(
        { customers: [acme], deployments: [shared] },
        { customers: [acme], deployments: [{ ...shared, customerIds: ['globex', 'acme'] }] },
      ),
    ).toEqual([]);
  });
});

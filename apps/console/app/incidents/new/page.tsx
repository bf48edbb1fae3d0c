import './preview.css';

import { randomUUID } from 'node:crypto';

import { PLAYBOOK_IDS, PLAYBOOKS } from '@firebreak/domain';

import { requirePageActor } from '@/server/auth/require-page-actor';
import { listCustomers } from '@/server/directory/list-customers';
import { listDeployments } from '@/server/directory/list-deployments';

import { DeclareForm } from './declare-form';

export const metadata = { title: 'Declare incident' };

export default async function DeclareIncidentPage() {
  const caller = await requirePageActor('incidents:declare');
  const [deployments, customers] = await Promise.all([listDeployments(caller), listCustomers(caller)]);
  return (
    <>
      <h1>Declare an incident</h1>
      <p className="lead">
        Preview first: it reads the chosen deployments from EC2 and shows what the playbook will change and who is told, before anything
        changes. Declaring starts the playbook at once; for a compromise, the deployments are cut off from the internet and their
        customers&apos; technical contacts are told.
      </p>
      <DeclareForm
        deployments={deployments}
        customers={customers}
        playbooks={PLAYBOOK_IDS.map((id) => PLAYBOOKS[id])}
        idempotencyKey={randomUUID()}
      />
    </>
  );
}

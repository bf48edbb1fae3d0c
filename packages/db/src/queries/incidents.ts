import {
  Actor,
  type Incident,
  type IncidentStatus,
  type IncidentStep,
  type PlaybookId,
  type Severity,
  type StepName,
  type StepStatus,
} from '@firebreak/domain';
import type { Selectable } from 'kysely';

import type { FirebreakDb } from '../open-database';
import type { IncidentsTable, IncidentStepsTable } from '../schema';

export interface NewIncident {
  id: string;
  playbook: PlaybookId;
  severity: Severity;
  summary: string;
  deploymentIds: string[];
  customerIds: string[];
  workflowId: string;
  declaredBy: Actor;
  declaredAt: string;
  steps: readonly StepName[];
}

export interface IdempotencyClaim {
  key: string;
  requestHash: string;
}

/**
 * Records a declared incident, its pending steps and (optionally) the idempotency key that declared it, all or
 * nothing. A concurrent declaration with the same key fails on the key's primary key; the caller re-reads it.
 */
export async function createIncident(db: FirebreakDb, incident: NewIncident, claim?: IdempotencyClaim): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('incidents')
      .values({
        id: incident.id,
        playbook: incident.playbook,
        status: 'declared',
        severity: incident.severity,
        summary: incident.summary,
        deployment_ids: JSON.stringify(incident.deploymentIds),
        customer_ids: JSON.stringify(incident.customerIds),
        workflow_id: incident.workflowId,
        declared_by: JSON.stringify(incident.declaredBy),
        declared_at: incident.declaredAt,
        updated_at: incident.declaredAt,
        closed_at: null,
      })
      .execute();
    if (incident.steps.length > 0) {
      await trx
        .insertInto('incident_steps')
        .values(
          incident.steps.map((name, position) => ({
            incident_id: incident.id,
            name,
            position,
            status: 'pending',
            started_at: null,
            completed_at: null,
            error: null,
          })),
        )
        .execute();
    }
    if (claim) {
      await trx
        .insertInto('idempotency_keys')
        .values({ key: claim.key, request_hash: claim.requestHash, incident_id: incident.id, created_at: incident.declaredAt })
        .execute();
    }
  });
}

export async function findIdempotencyClaim(db: FirebreakDb, key: string): Promise<{ incidentId: string; requestHash: string } | undefined> {
  const row = await db.selectFrom('idempotency_keys').selectAll().where('key', '=', key).executeTakeFirst();
  return row && { incidentId: row.incident_id, requestHash: row.request_hash };
}

export async function findIncident(db: FirebreakDb, id: string): Promise<Incident | undefined> {
  const row = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const steps = await db.selectFrom('incident_steps').selectAll().where('incident_id', '=', id).orderBy('position').execute();
  return toIncident(row, steps);
}

export interface ListIncidentsOptions {
  limit: number;
  /** Only incidents declared strictly before this time (for paging back through history). */
  before?: string;
}

export async function listIncidents(db: FirebreakDb, options: ListIncidentsOptions): Promise<Incident[]> {
  let query = db.selectFrom('incidents').selectAll().orderBy('declared_at', 'desc').orderBy('id', 'desc').limit(options.limit);
  if (options.before) query = query.where('declared_at', '<', options.before);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const steps = await db
    .selectFrom('incident_steps')
    .selectAll()
    .where(
      'incident_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('position')
    .execute();
  return rows.map((row) =>
    toIncident(
      row,
      steps.filter((s) => s.incident_id === row.id),
    ),
  );
}

export async function setIncidentStatus(db: FirebreakDb, id: string, status: IncidentStatus, at: string): Promise<void> {
  await db
    .updateTable('incidents')
    .set({ status, updated_at: at, closed_at: status === 'closed' ? at : null })
    .where('id', '=', id)
    .execute();
}

export interface StepUpdate {
  incidentId: string;
  name: StepName;
  status: StepStatus;
  at: string;
  error?: string;
}

/**
 * Moves a step to a status. Desired-state: repeating the same update changes nothing, and the first start time
 * is kept when a step is retried.
 */
export async function recordStep(db: FirebreakDb, update: StepUpdate): Promise<void> {
  const existing = await db
    .selectFrom('incident_steps')
    .select(['started_at', 'position'])
    .where('incident_id', '=', update.incidentId)
    .where('name', '=', update.name)
    .executeTakeFirst();
  const startedAt = existing?.started_at ?? (update.status === 'pending' ? null : update.at);
  const completedAt = update.status === 'completed' || update.status === 'failed' ? update.at : null;
  if (!existing) {
    const last = await db
      .selectFrom('incident_steps')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('incident_id', '=', update.incidentId)
      .executeTakeFirst();
    await db
      .insertInto('incident_steps')
      .values({
        incident_id: update.incidentId,
        name: update.name,
        position: (last?.max ?? -1) + 1,
        status: update.status,
        started_at: startedAt,
        completed_at: completedAt,
        error: update.error ?? null,
      })
      .execute();
    return;
  }
  await db
    .updateTable('incident_steps')
    .set({ status: update.status, started_at: startedAt, completed_at: completedAt, error: update.error ?? null })
    .where('incident_id', '=', update.incidentId)
    .where('name', '=', update.name)
    .execute();
}

/** A stored incident row and its step rows as the domain's Incident. */
export function toIncident(row: Selectable<IncidentsTable>, steps: Selectable<IncidentStepsTable>[]): Incident {
  return {
    id: row.id,
    playbook: row.playbook as PlaybookId,
    status: row.status as IncidentStatus,
    severity: row.severity as Severity,
    summary: row.summary,
    deploymentIds: JSON.parse(row.deployment_ids) as string[],
    customerIds: JSON.parse(row.customer_ids) as string[],
    workflowId: row.workflow_id,
    declaredBy: Actor.parse(JSON.parse(row.declared_by)),
    declaredAt: row.declared_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at,
    steps: steps.map(toStep),
  };
}

function toStep(row: Selectable<IncidentStepsTable>): IncidentStep {
  return {
    name: row.name as StepName,
    status: row.status as StepStatus,
    startedAt: row.started_at,
    completedAt: row.completed_at,
    error: row.error,
  };
}

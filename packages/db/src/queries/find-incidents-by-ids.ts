import type { Incident } from '@firebreak/domain';

import type { FirebreakDb } from '../open-database';
import { toIncident } from './incidents';

/** The incidents among these ids that exist, with their steps, in no particular order. */
export async function findIncidentsByIds(db: FirebreakDb, ids: readonly string[]): Promise<Incident[]> {
  if (ids.length === 0) return [];
  const [rows, steps] = await Promise.all([
    db.selectFrom('incidents').selectAll().where('id', 'in', ids).execute(),
    db.selectFrom('incident_steps').selectAll().where('incident_id', 'in', ids).orderBy('position').execute(),
  ]);
  return rows.map((row) =>
    toIncident(
      row,
      steps.filter((s) => s.incident_id === row.id),
    ),
  );
}

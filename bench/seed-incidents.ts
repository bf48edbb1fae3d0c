import { PLAYBOOK_IDS, type PlaybookId, PLAYBOOKS, type TimelineEventKind } from '@firebreak/domain';
import SQLite from 'better-sqlite3';

const KINDS: TimelineEventKind[] = ['step', 'ec2-change', 'notice', 'notice', 'ec2-change', 'status'];
const SYSTEM = JSON.stringify({ kind: 'system', id: 'firebreak', name: 'Firebreak' });
const ENGINEER = JSON.stringify({ kind: 'user', id: 'u-bench', name: 'Bench Engineer' });
const CUSTOMERS = ['acme', 'globex', 'initech', 'northwind'];

/**
 * Fills a migrated database with closed incidents, each with its steps and `eventsPerIncident` timeline events
 * (a decision and clock events among them), in one transaction with prepared statements.
 */
export function seedIncidents(path: string, options: { incidents: number; eventsPerIncident: number; start: Date }): { newestId: string } {
  const db = new SQLite(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insertIncident = db.prepare(
    `insert into incidents (id, playbook, status, severity, summary, deployment_ids, customer_ids, workflow_id, declared_by,
       declared_at, updated_at, closed_at) values (?, ?, 'closed', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertStep = db.prepare(
    `insert into incident_steps (incident_id, name, position, status, started_at, completed_at, error) values (?, ?, ?, 'completed', ?, ?, null)`,
  );
  const insertEvent = db.prepare(
    `insert into timeline_events (id, incident_id, at, actor, kind, summary, details) values (?, ?, ?, ?, ?, ?, ?)`,
  );
  let newestId = '';
  db.transaction(() => {
    for (let n = 0; n < options.incidents; n++) {
      const id = `inc-${n.toString(36).padStart(12, '0')}`;
      const playbook: PlaybookId = PLAYBOOK_IDS[n % PLAYBOOK_IDS.length]!;
      // One incident every ten minutes, oldest first.
      const declared = options.start.getTime() + n * 600_000;
      const at = (offsetSeconds: number) => new Date(declared + offsetSeconds * 1000).toISOString();
      const customer = CUSTOMERS[n % CUSTOMERS.length]!;
      insertIncident.run(
        id,
        playbook,
        n % 3 === 0 ? 'critical' : 'high',
        `Benchmark incident ${n}`,
        JSON.stringify([`${customer}-transfer`]),
        JSON.stringify([customer]),
        `incident-${id}`,
        ENGINEER,
        at(0),
        at(options.eventsPerIncident * 3),
        at(options.eventsPerIncident * 3),
      );
      PLAYBOOKS[playbook].stepNames.forEach((name, position) => {
        insertStep.run(id, name, position, at(position * 60 + 1), at(position * 60 + 30 + (n % 50)));
      });
      for (let e = 0; e < options.eventsPerIncident; e++) {
        const eventId = `${id}-e${e}`;
        if (e === 20) {
          insertEvent.run(
            eventId,
            id,
            at(e * 3),
            ENGINEER,
            'decision',
            'Bench Engineer (on-call) decided backup-safe: yes',
            JSON.stringify({ gate: 'backup-safe', choice: 'yes', role: 'on-call', reason: 'image verified clean' }),
          );
        } else if (e === 30 || e === 60) {
          const deadline = at(86_400);
          const met = e === 60;
          insertEvent.run(
            eventId,
            id,
            at(e * 3),
            SYSTEM,
            'clock',
            met ? `Clock backup-instance met at ${at(e * 3)}` : `Clock backup-instance: 600 s left before ${deadline}`,
            JSON.stringify(
              met
                ? { clock: 'backup-instance', deadline, onTime: n % 7 !== 0, outcome: n % 7 !== 0 ? 'met' : 'met-late' }
                : { clock: 'backup-instance', deadline, outcome: 'warned' },
            ),
          );
        } else {
          const kind = KINDS[e % KINDS.length]!;
          insertEvent.run(eventId, id, at(e * 3), SYSTEM, kind, `Benchmark ${kind} event ${e}`, JSON.stringify({ n: e }));
        }
      }
      newestId = id;
    }
  })();
  db.close();
  return { newestId };
}

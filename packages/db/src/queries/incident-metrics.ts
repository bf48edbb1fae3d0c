import type { PlaybookId } from '@firebreak/domain';

import type { FirebreakDb } from '../open-database';
import { type ClockEventLike, clockVerdicts } from './clock-outcomes';

/** The spans managers track, each from the declaration to a step's completion. */
export const METRICS = ['contain', 'notify', 'restore'] as const;
export type Metric = (typeof METRICS)[number];

/** Which completed steps end each span: vulnerability playbooks tell customers with a bulletin, not a notice. */
const METRIC_STEPS: Record<Metric, readonly string[]> = {
  contain: ['disconnect'],
  notify: ['notify', 'bulletin'],
  restore: ['rebuild', 'recreate'],
};

export interface IncidentFacts {
  id: string;
  playbook: PlaybookId;
  declaredAt: string;
  /** When each span ended, for the spans this incident has completed. */
  endedAt: Partial<Record<Metric, string>>;
  /** Each clock's verdict: met, breached, warned (still open), cancelled. */
  clocks: Map<string, string>;
}

export interface DurationSummary {
  count: number;
  medianMs: number;
  p90Ms: number;
  maxMs: number;
}

export interface SlaCount {
  met: number;
  breached: number;
}

export interface IncidentMetrics {
  incidents: number;
  durations: Record<
    Metric,
    { byPlaybook: (DurationSummary & { playbook: PlaybookId })[]; byMonth: (DurationSummary & { month: string })[] }
  >;
  sla: { byPlaybook: (SlaCount & { playbook: PlaybookId })[]; byMonth: (SlaCount & { month: string })[] };
}

export interface MetricsRange {
  /** Declared at or after. */
  from?: string;
  /** Declared strictly before. */
  to?: string;
}

/** The figures for the reports page, from incidents declared in the range. */
export async function loadIncidentMetrics(db: FirebreakDb, range: MetricsRange = {}): Promise<IncidentMetrics> {
  let incidents = db.selectFrom('incidents').select(['id', 'playbook', 'declared_at']);
  if (range.from) incidents = incidents.where('declared_at', '>=', range.from);
  if (range.to) incidents = incidents.where('declared_at', '<', range.to);
  const inRange = incidents.clearSelect().select('id');
  const stepNames = Object.values(METRIC_STEPS).flat();
  const [rows, steps, clockEvents] = await Promise.all([
    incidents.execute(),
    db
      .selectFrom('incident_steps')
      .select(['incident_id', 'name', 'completed_at'])
      .where('status', '=', 'completed')
      .where('name', 'in', stepNames)
      .where('incident_id', 'in', inRange)
      .execute(),
    db
      .selectFrom('timeline_events')
      .select(['incident_id', 'details'])
      .where('kind', '=', 'clock')
      .where('incident_id', 'in', inRange)
      .orderBy('at')
      .orderBy('seq')
      .execute(),
  ]);
  const facts = new Map<string, IncidentFacts>(
    rows.map((r) => [r.id, { id: r.id, playbook: r.playbook as PlaybookId, declaredAt: r.declared_at, endedAt: {}, clocks: new Map() }]),
  );
  for (const step of steps) {
    const incident = facts.get(step.incident_id);
    const metric = METRICS.find((m) => METRIC_STEPS[m].includes(step.name));
    if (!incident || !metric || !step.completed_at) continue;
    const known = incident.endedAt[metric];
    // The first step that ends a span ends it.
    if (!known || step.completed_at < known) incident.endedAt[metric] = step.completed_at;
  }
  const eventsByIncident = new Map<string, ClockEventLike[]>();
  for (const event of clockEvents) {
    const list = eventsByIncident.get(event.incident_id) ?? [];
    list.push({ details: JSON.parse(event.details) as Record<string, unknown> });
    eventsByIncident.set(event.incident_id, list);
  }
  for (const [id, events] of eventsByIncident) {
    const incident = facts.get(id);
    if (incident) incident.clocks = clockVerdicts(events);
  }
  return summarizeIncidentMetrics([...facts.values()]);
}

/** Medians and SLA counts per playbook and per month (UTC, of the declaration). Pure, so it is unit-tested alone. */
export function summarizeIncidentMetrics(incidents: readonly IncidentFacts[]): IncidentMetrics {
  const durations = Object.fromEntries(
    METRICS.map((metric) => {
      const spans = incidents.flatMap((incident) => {
        const endedAt = incident.endedAt[metric];
        if (!endedAt) return [];
        const ms = Date.parse(endedAt) - Date.parse(incident.declaredAt);
        return Number.isFinite(ms) && ms >= 0 ? [{ playbook: incident.playbook, month: monthOf(incident.declaredAt), ms }] : [];
      });
      return [
        metric,
        {
          byPlaybook: groupBy(spans, (s) => s.playbook).map(([playbook, group]) => ({ playbook, ...summarize(group.map((s) => s.ms)) })),
          byMonth: groupBy(spans, (s) => s.month).map(([month, group]) => ({ month, ...summarize(group.map((s) => s.ms)) })),
        },
      ];
    }),
  ) as IncidentMetrics['durations'];

  const verdicts = incidents.flatMap((incident) =>
    [...incident.clocks.values()]
      .filter((v): v is 'met' | 'breached' => v === 'met' || v === 'breached')
      .map((verdict) => ({ playbook: incident.playbook, month: monthOf(incident.declaredAt), verdict })),
  );
  const count = (group: { verdict: 'met' | 'breached' }[]): SlaCount => ({
    met: group.filter((g) => g.verdict === 'met').length,
    breached: group.filter((g) => g.verdict === 'breached').length,
  });
  return {
    incidents: incidents.length,
    durations,
    sla: {
      byPlaybook: groupBy(verdicts, (v) => v.playbook).map(([playbook, group]) => ({ playbook, ...count(group) })),
      byMonth: groupBy(verdicts, (v) => v.month).map(([month, group]) => ({ month, ...count(group) })),
    },
  };
}

function monthOf(iso: string): string {
  return iso.slice(0, 7);
}

/** Groups in key order, so playbooks and months come out sorted. */
function groupBy<T, K extends string>(items: readonly T[], key: (item: T) => K): [K, T[]][] {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Nearest-rank percentiles: every figure is a span that really happened. */
function summarize(values: number[]): DurationSummary {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;
  return { count: sorted.length, medianMs: rank(0.5), p90Ms: rank(0.9), maxMs: sorted.at(-1) ?? 0 };
}

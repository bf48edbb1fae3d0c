import '../manager-views.css';

import type { DurationSummary, Metric, SlaCount } from '@firebreak/db';
import { type PlaybookId, PLAYBOOKS } from '@firebreak/domain';
import Link from 'next/link';
import type { ReactNode } from 'react';

import { DataTable } from '@/components/data-table';
import { formatDuration } from '@/components/format-time';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { getIncidentMetrics, ReportRange } from '@/server/reports/get-incident-metrics';

import { DurationChart, SlaChart } from './report-charts';

export const metadata = { title: 'Reports' };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const METRIC_TEXT: Record<Metric, { title: string; explains: string }> = {
  contain: { title: 'Time to contain', explains: 'from the declaration until the deployment was cut off' },
  notify: { title: 'Time to notify', explains: 'from the declaration until every contact was told (notice or bulletin)' },
  restore: { title: 'Time to restore', explains: 'from the declaration until the clean environment was built' },
};

/** The unit that keeps a chart's largest bar readable: seconds, minutes or hours. */
function chartUnit(maxMs: number): { unit: string; perUnitMs: number } {
  if (maxMs < 120_000) return { unit: 's', perUnitMs: 1000 };
  if (maxMs < 120 * 60_000) return { unit: 'min', perUnitMs: 60_000 };
  return { unit: 'h', perUnitMs: 3_600_000 };
}
const percent = ({ met, breached }: SlaCount) => (met + breached === 0 ? '—' : `${Math.round((100 * met) / (met + breached))} %`);
const playbookTitle = (id: PlaybookId) => PLAYBOOKS[id].title;

export default async function ReportsPage({ searchParams }: Props) {
  const caller = await requirePageActor('reports:export');
  const params = await searchParams;
  const range = ReportRange.parse({ from: first(params.from), to: first(params.to) });
  const metrics = await getIncidentMetrics(caller, range);

  return (
    <>
      <div className="page-heading">
        <h1>Reports</h1>
      </div>
      <form className="filters" method="get" action="/reports" aria-label="Months to report on">
        <label>
          From month (UTC)
          <input type="month" name="from" defaultValue={range.from ?? ''} />
        </label>
        <label>
          to month (UTC)
          <input type="month" name="to" defaultValue={range.to ?? ''} />
        </label>
        <button type="submit">Show</button>
        {(range.from || range.to) && <Link href="/reports">All time</Link>}
      </form>
      <p className="muted">
        {metrics.incidents} {metrics.incidents === 1 ? 'incident' : 'incidents'} declared{' '}
        {range.from || range.to ? 'in these months' : 'so far'}. Medians and 90th percentiles count only incidents that reached the step.
      </p>

      {(['contain', 'notify', 'restore'] as const).map((metric) => (
        <section key={metric} aria-labelledby={`metric-${metric}`}>
          <h2 id={`metric-${metric}`}>{METRIC_TEXT[metric].title}</h2>
          <p className="muted">{METRIC_TEXT[metric].explains}.</p>
          <div className="charts">
            <DurationPanel
              title={`${METRIC_TEXT[metric].title} per playbook`}
              groupHeading="Playbook"
              rows={metrics.durations[metric].byPlaybook.map((row) => ({ ...row, label: playbookTitle(row.playbook) }))}
            />
            <DurationPanel
              title={`${METRIC_TEXT[metric].title} per month`}
              groupHeading="Month"
              rows={metrics.durations[metric].byMonth.map((row) => ({ ...row, label: row.month }))}
            />
          </div>
        </section>
      ))}

      <section aria-labelledby="sla-heading">
        <h2 id="sla-heading">SLA compliance</h2>
        <p className="muted">Clocks met and breached (a clock met late counts as breached; open and cancelled clocks are left out).</p>
        <div className="charts">
          <SlaPanel
            title="SLA compliance per playbook"
            groupHeading="Playbook"
            rows={metrics.sla.byPlaybook.map((row) => ({ ...row, label: playbookTitle(row.playbook) }))}
          />
          <SlaPanel
            title="SLA compliance per month"
            groupHeading="Month"
            rows={metrics.sla.byMonth.map((row) => ({ ...row, label: row.month }))}
          />
        </div>
      </section>
    </>
  );
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value || undefined;
}

/** A chart with its numbers beside it as a table, or what to say when there is nothing to chart. */
function ChartPanel({ title, isEmpty, empty, children }: { title: string; isEmpty: boolean; empty: string; children: ReactNode }) {
  return (
    <div className="chart-panel">
      <h3>{title}</h3>
      {isEmpty ? <p className="empty">{empty}</p> : <div className="chart-with-numbers">{children}</div>}
    </div>
  );
}

function DurationPanel({
  title,
  groupHeading,
  rows,
}: {
  title: string;
  groupHeading: string;
  rows: (DurationSummary & { label: string })[];
}) {
  const { unit, perUnitMs } = chartUnit(Math.max(0, ...rows.map((r) => r.p90Ms)));
  const inUnit = (ms: number) => Math.round((ms / perUnitMs) * 10) / 10;
  return (
    <ChartPanel title={title} isEmpty={rows.length === 0} empty="No incident has reached this step yet.">
      <DurationChart
        title={title}
        unit={unit}
        data={rows.map((r) => ({ label: r.label, median: inUnit(r.medianMs), p90: inUnit(r.p90Ms) }))}
      />
      <DataTable
        scroll={false}
        rows={rows}
        rowKey={(r) => r.label}
        columns={[
          { header: groupHeading, cell: (r) => r.label },
          { header: 'Incidents', cell: (r) => r.count },
          { header: 'Median', cell: (r) => formatDuration(r.medianMs) },
          { header: '90th pct.', cell: (r) => formatDuration(r.p90Ms) },
        ]}
      />
    </ChartPanel>
  );
}

function SlaPanel({ title, groupHeading, rows }: { title: string; groupHeading: string; rows: (SlaCount & { label: string })[] }) {
  return (
    <ChartPanel title={title} isEmpty={rows.length === 0} empty="No clock has been met or breached yet.">
      <SlaChart title={title} data={rows.map(({ label, met, breached }) => ({ label, met, breached }))} />
      <DataTable
        scroll={false}
        rows={rows}
        rowKey={(r) => r.label}
        columns={[
          { header: groupHeading, cell: (r) => r.label },
          { header: 'Met', cell: (r) => r.met },
          { header: 'Breached', cell: (r) => r.breached },
          { header: 'Compliance', cell: (r) => percent(r) },
        ]}
      />
    </ChartPanel>
  );
}

import type { TimelineEvent } from '@firebreak/domain';

const COLUMNS = ['at', 'kind', 'actor_kind', 'actor_id', 'actor_name', 'role', 'choice', 'reason', 'summary', 'details'] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a quote, comma or line break, quotes doubled. A text that a
 * spreadsheet would run as a formula gets a leading apostrophe, so opening an export never executes anything.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The timeline as CSV, one event per row, CRLF line ends, a header row first. */
export function timelineCsv(events: readonly TimelineEvent[]): string {
  const rows = events.map((event) => [
    event.at,
    event.kind,
    event.actor.kind,
    event.actor.id,
    event.actor.name,
    text(event.details.role),
    text(event.details.choice),
    text(event.details.reason),
    event.summary,
    JSON.stringify(event.details),
  ]);
  return [[...COLUMNS], ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

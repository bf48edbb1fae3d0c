import type { Client } from '@temporalio/client';
import proto from '@temporalio/proto';

const { temporal } = proto;

const EventType = temporal.api.enums.v1.EventType;

export interface PhaseMark {
  /** Milliseconds since the declaration was sent. */
  atMs: number;
  workflow: string;
  event: string;
}

type HistoryEvent = proto.temporal.api.history.v1.IHistoryEvent;

function millis(event: HistoryEvent): number {
  const t = event.eventTime;
  return Number(t?.seconds ?? 0) * 1000 + Math.floor((t?.nanos ?? 0) / 1e6);
}

/**
 * Where the time went, from the workflows' own histories: when each workflow started, and when each activity and
 * child was scheduled, started and completed, relative to the moment the declaration was sent.
 */
export async function workflowBreakdown(
  client: Client,
  workflowIds: { label: string; id: string }[],
  startedMs: number,
): Promise<PhaseMark[]> {
  const marks: PhaseMark[] = [];
  for (const { label, id } of workflowIds) {
    const history = await client.workflow.getHandle(id).fetchHistory();
    const names = new Map<number, string>();
    for (const event of history.events ?? []) {
      const eventId = Number(event.eventId);
      const at = millis(event) - startedMs;
      const mark = (what: string) => marks.push({ atMs: at, workflow: label, event: what });
      switch (event.eventType) {
        case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED:
          mark('workflow started');
          break;
        case EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED: {
          const name = event.activityTaskScheduledEventAttributes?.activityType?.name ?? '?';
          names.set(eventId, name);
          mark(`${name} scheduled`);
          break;
        }
        case EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED:
          mark(`${names.get(Number(event.activityTaskStartedEventAttributes?.scheduledEventId)) ?? '?'} started`);
          break;
        case EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED:
          mark(`${names.get(Number(event.activityTaskCompletedEventAttributes?.scheduledEventId)) ?? '?'} completed`);
          break;
        case EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED:
          mark(`child ${event.startChildWorkflowExecutionInitiatedEventAttributes?.workflowType?.name ?? '?'} initiated`);
          break;
        case EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED:
          mark('child started');
          break;
        case EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_COMPLETED:
          mark('child completed');
          break;
        default:
          break;
      }
    }
  }
  return marks.sort((a, b) => a.atMs - b.atMs);
}

/** Marks up to a moment, one per line. Activities started in the same workflow task share a time. */
export function formatBreakdown(marks: PhaseMark[], untilMs: number): string {
  return marks
    .filter((m) => m.atMs <= untilMs + 1000)
    .map((m) => `${(m.atMs / 1000).toFixed(3).padStart(8)} s  ${m.workflow.padEnd(10)} ${m.event}${m.atMs > untilMs ? '   (after)' : ''}`)
    .join('\n');
}

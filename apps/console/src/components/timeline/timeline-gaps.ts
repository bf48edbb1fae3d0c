import type { TimelineEvent } from '@firebreak/domain';

import { formatDuration } from '../format-time';

/** A pause this long between two events is worth a manager's attention. */
export const LONG_GAP_MS = 10 * 60_000;

export interface TimelineGap {
  ms: number;
  /** `+4 min 10 s` */
  label: string;
  long: boolean;
}

export interface TimelineItem {
  event: TimelineEvent;
  /** Time since the previous event shown; absent for the first one and for events less than a second apart. */
  gapBefore?: TimelineGap;
}

export function withGaps(events: readonly TimelineEvent[]): TimelineItem[] {
  return events.map((event, index) => {
    const previous = events[index - 1];
    if (!previous) return { event };
    const ms = Date.parse(event.at) - Date.parse(previous.at);
    if (!(ms >= 1000)) return { event };
    return { event, gapBefore: { ms, label: `+${formatDuration(ms)}`, long: ms >= LONG_GAP_MS } };
  });
}

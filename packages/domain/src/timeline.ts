import { z } from 'zod';

import { Actor } from './actor';

export const TimelineEventKind = z.enum(['step', 'ec2-change', 'notice', 'decision', 'clock', 'status']);
export type TimelineEventKind = z.infer<typeof TimelineEventKind>;

export const TimelineEvent = z.object({
  /** Deterministic per workflow, so a retried write is a no-op. */
  id: z.string().min(1).max(200),
  incidentId: z.string(),
  at: z.iso.datetime(),
  actor: Actor,
  kind: TimelineEventKind,
  summary: z.string().max(500),
  details: z.record(z.string(), z.unknown()),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

import { randomUUID } from 'node:crypto';

import { appendTimelineEvent } from '@firebreak/db';
import type { Actor, FirebreakError } from '@firebreak/domain';

import { getDatabase } from '../database';
import type { CallerRole } from './decider-role';

export interface RefusedDecision {
  incidentId: string;
  /** The unvalidated body: whatever it names is recorded, cut to a sane length. */
  body: unknown;
  actor: Actor;
  role: CallerRole;
  refusal: FirebreakError;
}

/**
 * Puts a refused decision on the incident's timeline (accepted ones are recorded by the playbook itself). A repeat
 * of the same decision id refused for the same reason is recorded once.
 */
export async function recordRefusedDecision({ incidentId, body, actor, role, refusal }: RefusedDecision): Promise<void> {
  const gate = text(field(body, 'gate'), 100);
  const choice = text(field(body, 'choice'), 100);
  const reason = text(field(body, 'reason'), 2000);
  const decisionId = text(field(body, 'decisionId'), 100);
  const customerId = text(field(body, 'customerId'), 64);
  const parameters = textRecord(field(body, 'parameters'));
  const attempt = `${choice === null ? 'a decision' : JSON.stringify(choice)} on ${gate ?? 'no gate'}`;
  await appendTimelineEvent(await getDatabase(), {
    id: `${incidentId}:decision-refused:${decisionId ?? randomUUID()}:${refusal.code}`,
    incidentId,
    at: new Date().toISOString(),
    actor,
    kind: 'decision',
    summary: `Refused: ${attempt} by ${actor.name} (${role}). ${refusal.message}`.slice(0, 500),
    details: {
      gate,
      choice,
      reason,
      role,
      ...(customerId === null ? {} : { customerId }),
      ...(parameters === null ? {} : { parameters }),
      refusal: refusal.code,
      message: refusal.message,
      ...(refusal.fieldErrors.length > 0 ? { fieldErrors: refusal.fieldErrors } : {}),
      ...(decisionId === null ? {} : { decisionId }),
    },
  });
}

function field(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
}

function text(value: unknown, max: number): string | null {
  return typeof value === 'string' ? value.slice(0, max) : null;
}

/** A small record of strings (a decision's parameters), cut to size; anything else is left out. */
function textRecord(value: unknown): Record<string, string> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const entries = Object.entries(value)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .slice(0, 10)
    .map(([key, item]) => [key.slice(0, 50), item.slice(0, 200)]);
  return entries.length > 0 ? Object.fromEntries(entries) : null;
}

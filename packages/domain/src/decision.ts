import { z } from 'zod';

import { Actor } from './actor';
import { DeciderRole } from './roles';

/**
 * The judgement calls a playbook stops for. Each is a gate: a question, the choices it offers and the roles that
 * may answer it. A gate is pending from the moment the playbook reaches it until one decision is accepted.
 */
export const GATES = {
  'containment-incomplete': {
    question: 'Containment did not reach a clean final check. Retry it, accept the remaining paths (say why), or escalate to operations?',
    choices: ['retry', 'accept-residuals', 'escalate'],
    roles: ['on-call', 'administrator'],
  },
  'restore-contained': {
    question:
      'Was this a false positive? Restore every deployment to its recorded pre-incident state (the forensic record stays) and close.',
    choices: ['restore'],
    roles: ['on-call', 'administrator'],
  },
  'backup-safe': {
    question: 'Is it safe to provide the customer a backup instance on new infrastructure?',
    choices: ['yes', 'no'],
    roles: ['on-call', 'administrator'],
  },
  'recreate-safe': {
    question: 'Is it safe to recreate a full clean environment for the customer?',
    choices: ['yes', 'no'],
    roles: ['on-call', 'administrator'],
  },
  'production-reestablished': {
    question: 'Has the customer confirmed the clean environment and agreed to move production to it?',
    choices: ['confirmed', 'not-yet'],
    roles: ['contact', 'on-call', 'administrator'],
  },
  'fix-released': {
    question: 'Has engineering released the fixed software? Give its version and the patched image.',
    choices: ['released'],
    roles: ['on-call', 'administrator'],
    parameters: ['version', 'imageId'],
  },
  'customer-satisfied': {
    question: 'Is the customer fully satisfied that no vulnerability remains?',
    choices: ['satisfied'],
    roles: ['contact', 'on-call', 'administrator'],
  },
  'operations-satisfied': {
    question: 'Are operations fully satisfied that no vulnerability remains?',
    choices: ['satisfied'],
    roles: ['on-call', 'administrator'],
  },
  'keep-block': {
    question: 'Keep blocking this source address permanently instead of lifting the block when its time runs out?',
    choices: ['keep', 'lift-now'],
    roles: ['on-call', 'administrator'],
  },
} as const satisfies Record<
  string,
  { question: string; choices: readonly string[]; roles: readonly DeciderRole[]; parameters?: readonly string[] }
>;

/** Values a gate needs besides the choice (e.g. the released version), named by GATES[gate].parameters. */
export function gateParameters(gate: GateId): readonly string[] {
  const definition = GATES[gate];
  return 'parameters' in definition ? definition.parameters : [];
}

export type GateId = keyof typeof GATES;
export const GateId = z.enum(Object.keys(GATES) as [GateId, ...GateId[]]);

/** A decision as sent to a running playbook. The id makes a repeated request a no-op answered with the first outcome. */
export const DecisionRequest = z.object({
  decisionId: z
    .string()
    .min(8)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only'),
  gate: GateId,
  choice: z.string().min(1).max(50),
  reason: z.string().trim().min(1, 'give a reason').max(2000),
  /** Values the gate asks for, e.g. { version, imageId } when a fix is released. */
  parameters: z.record(z.string().max(50), z.string().trim().min(1).max(200)).optional(),
  /** For gates asked per customer (sign-offs): whose answer this is. */
  customerId: z.string().max(64).optional(),
  actor: Actor,
  role: DeciderRole,
});
export type DecisionRequest = z.infer<typeof DecisionRequest>;

/** The body of `POST /api/v1/incidents/{id}/decisions`: the actor and role come from the credentials. */
export const DecisionBody = DecisionRequest.pick({
  gate: true,
  choice: true,
  reason: true,
  parameters: true,
  customerId: true,
}).extend({
  decisionId: DecisionRequest.shape.decisionId.optional(),
});
export type DecisionBody = z.infer<typeof DecisionBody>;

export const PendingDecision = z.object({
  gate: GateId,
  question: z.string(),
  choices: z.array(z.string()),
  roles: z.array(DeciderRole),
  openedAt: z.iso.datetime(),
  /** For gates asked per customer (e.g. sign-offs), whose answer is awaited. */
  customerId: z.string().optional(),
  /** Values the decision must carry (see GATES[gate].parameters). */
  parameters: z.array(z.string()).default([]),
});
export type PendingDecision = z.infer<typeof PendingDecision>;

export const DecisionOutcome = z.object({
  decisionId: z.string(),
  gate: GateId,
  choice: z.string(),
  acceptedAt: z.iso.datetime(),
});
export type DecisionOutcome = z.infer<typeof DecisionOutcome>;

import {
  type Actor,
  type Clock,
  type ClockName,
  type CloseIncidentRequest,
  CloseIncidentRequest as CloseIncidentRequestSchema,
  type DecisionOutcome,
  DecisionRequest,
  FAILURE,
  fieldErrorsOf,
  type GateId,
  gateParameters,
  GATES,
  INCIDENT_QUERIES,
  INCIDENT_UPDATES,
  type IncidentStatus,
  type PendingDecision,
  type PlaybookInput,
  PLAYBOOKS,
} from '@firebreak/domain';
import { condition, defineQuery, defineUpdate, setHandler, workflowInfo } from '@temporalio/workflow';

import { now, recordEvent, setStatus } from './incident-journal';
import { refusal } from './update-refusal';

export interface IncidentState {
  incidentId: string;
  playbook: string;
  status: IncidentStatus;
  pendingDecisions: PendingDecision[];
  decisions: (DecisionOutcome & { actor: Actor; reason: string; customerId?: string })[];
  clocks: Clock[];
  /** Playbook-specific facts for the console (containment results, clean environments, blocks...). */
  facts: Record<string, unknown>;
}

export const incidentStateQuery = defineQuery<IncidentState>(INCIDENT_QUERIES.state);
export const decideUpdate = defineUpdate<DecisionOutcome, [DecisionRequest]>(INCIDENT_UPDATES.decide);
export const closeIncidentUpdate = defineUpdate<void, [CloseIncidentRequest]>(INCIDENT_UPDATES.closeIncident);

interface Waiter {
  pending: PendingDecision;
  accepted?: DecisionRequest;
  /** Gates opened together by firstDecision: once one of them is decided, the others take no decision. */
  group?: Waiter[];
}

/**
 * The running incident as its playbook sees it: status, the decision gates it waits on, its clocks. It answers the
 * console's state query and validates every decision synchronously — gate pending, choice offered, role allowed,
 * reason and parameters given — so the caller learns at once whether it was accepted.
 */
export class IncidentRun {
  readonly state: IncidentState;
  private readonly waiters: Waiter[] = [];
  private closeRequest: CloseIncidentRequest | undefined;

  constructor(readonly input: PlaybookInput) {
    this.state = {
      incidentId: input.incidentId,
      playbook: input.playbook,
      status: 'declared',
      pendingDecisions: [],
      decisions: [],
      clocks: [],
      facts: { declaredAt: workflowInfo().startTime.toISOString() },
    };
    setHandler(incidentStateQuery, () => this.state);
    setHandler(decideUpdate, (request) => this.accept(request), { validator: (request) => this.validate(request) });
    setHandler(closeIncidentUpdate, (request) => this.acceptClose(request), {
      validator: (request) => {
        const parsed = CloseIncidentRequestSchema.safeParse(request);
        if (!parsed.success) {
          throw refusal(FAILURE.CLOSE_INVALID, 'the close request is not valid', { fieldErrors: fieldErrorsOf(parsed.error) });
        }
        if (this.state.status !== 'failed') {
          throw refusal(FAILURE.CLOSE_REFUSED, `the incident is ${this.state.status}; only a failed incident is closed by hand`);
        }
        if (this.closeRequest) throw refusal(FAILURE.CLOSE_REFUSED, 'the incident is already being closed');
      },
    });
  }

  get incidentId(): string {
    return this.input.incidentId;
  }

  /** The first timeline event of every playbook: what was declared, by whom, against what. */
  async announceStart(subject?: string): Promise<void> {
    const { input } = this;
    const title = PLAYBOOKS[input.playbook].title;
    await recordEvent(
      this.incidentId,
      'status',
      `Playbook started: ${title}${subject ? ` (${subject})` : ''}`,
      {
        playbook: input.playbook,
        severity: input.severity,
        deploymentIds: input.deployments.map((d) => d.id),
        ...(input.sourceAddress ? { sourceAddress: input.sourceAddress } : {}),
        ...(input.vulnerability ? { vulnerability: input.vulnerability } : {}),
      },
      input.declaredBy,
    );
  }

  async moveTo(status: IncidentStatus): Promise<void> {
    this.state.status = status;
    await setStatus(this.incidentId, status);
  }

  /**
   * Opens a gate and waits for the decision that closes it. `customerId` asks the question of one customer
   * (sign-offs); the gate stays pending, visible in the console, until a valid decision is accepted.
   */
  async decision(gate: GateId, options: { customerId?: string } = {}): Promise<DecisionRequest> {
    return (await this.decisionWithin(gate, undefined, options))!;
  }

  /**
   * Like decision(), but gives up after `timeoutMs` (if given): the gate is withdrawn, recorded as expired, and
   * undefined is returned, so a later decision for it is refused as not pending.
   */
  async decisionWithin(
    gate: GateId,
    timeoutMs: number | undefined,
    options: { customerId?: string } = {},
  ): Promise<DecisionRequest | undefined> {
    const waiter = await this.openGate(gate, options);
    const decided = () => waiter.accepted !== undefined;
    if (timeoutMs === undefined) {
      await condition(decided);
    } else if (!(await condition(decided, Math.max(1, timeoutMs)))) {
      await this.withdraw(waiter, `No decision on ${gate} in time: the playbook goes on without it`);
      return undefined;
    }
    return waiter.accepted;
  }

  /**
   * Opens several gates at once and returns the first decision taken on any of them; the others are withdrawn (a
   * later decision for them is refused as not pending). For a choice between paths, e.g. rebuild or restore.
   */
  async firstDecision(gates: readonly GateId[]): Promise<DecisionRequest> {
    const waiters: Waiter[] = [];
    for (const gate of gates) waiters.push(await this.openGate(gate, {}));
    for (const waiter of waiters) waiter.group = waiters;
    await condition(() => waiters.some((w) => w.accepted !== undefined));
    const taken = waiters.find((w) => w.accepted !== undefined)!;
    for (const waiter of waiters) {
      if (waiter !== taken)
        await this.withdraw(waiter, `No longer asked: ${waiter.pending.gate} (${taken.pending.gate} was answered first)`);
    }
    return taken.accepted!;
  }

  private async openGate(gate: GateId, options: { customerId?: string }): Promise<Waiter> {
    const definition = GATES[gate];
    const waiter: Waiter = {
      pending: {
        gate,
        question: definition.question,
        choices: [...definition.choices],
        roles: [...definition.roles],
        openedAt: now(),
        parameters: [...gateParameters(gate)],
        ...(options.customerId ? { customerId: options.customerId } : {}),
      },
    };
    this.waiters.push(waiter);
    this.state.pendingDecisions.push(waiter.pending);
    await recordEvent(this.incidentId, 'decision', `Waiting for a decision: ${definition.question}`, {
      gate,
      choices: waiter.pending.choices,
      roles: waiter.pending.roles,
      ...(options.customerId ? { customerId: options.customerId } : {}),
    });
    return waiter;
  }

  private async withdraw(waiter: Waiter, summary: string): Promise<void> {
    this.waiters.splice(this.waiters.indexOf(waiter), 1);
    this.state.pendingDecisions = this.state.pendingDecisions.filter((p) => p !== waiter.pending);
    await recordEvent(this.incidentId, 'decision', summary, { gate: waiter.pending.gate });
  }

  /** Waits until a failed incident is closed by an engineer (the only way out of `failed`). */
  async closedByHand(): Promise<CloseIncidentRequest> {
    await condition(() => this.closeRequest !== undefined);
    return this.closeRequest!;
  }

  private validate(raw: DecisionRequest): void {
    const parsed = DecisionRequest.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(parsed.error);
      throw refusal(FAILURE.DECISION_INVALID, fieldErrors.map((e) => `${e.path}: ${e.message}`).join('; '), { fieldErrors });
    }
    const request = parsed.data;
    const waiter = this.findWaiter(request);
    if (!waiter) {
      throw refusal(FAILURE.GATE_NOT_PENDING, `no decision "${request.gate}" is pending on this incident`);
    }
    if (!waiter.pending.choices.includes(request.choice)) {
      const choices = `choose one of ${waiter.pending.choices.join(', ')}`;
      throw refusal(FAILURE.CHOICE_NOT_OFFERED, choices, { fieldErrors: [{ path: 'choice', message: choices }] });
    }
    if (!waiter.pending.roles.includes(request.role)) {
      throw refusal(FAILURE.ROLE_NOT_ALLOWED, `only ${waiter.pending.roles.join(', ')} may decide this`);
    }
    const missing = waiter.pending.parameters.filter((p) => !request.parameters?.[p]);
    if (missing.length > 0) {
      const fieldErrors = missing.map((name) => ({ path: `parameters.${name}`, message: 'give this value' }));
      throw refusal(FAILURE.DECISION_INVALID, `give ${missing.join(', ')}`, { fieldErrors });
    }
  }

  private findWaiter(request: DecisionRequest): Waiter | undefined {
    return this.waiters.find(
      (w) =>
        !w.accepted &&
        !w.group?.some((sibling) => sibling.accepted) &&
        w.pending.gate === request.gate &&
        (w.pending.customerId === undefined || w.pending.customerId === request.customerId),
    );
  }

  private async accept(request: DecisionRequest): Promise<DecisionOutcome> {
    const waiter = this.findWaiter(request)!;
    waiter.accepted = request;
    this.state.pendingDecisions = this.state.pendingDecisions.filter((p) => p !== waiter.pending);
    const outcome: DecisionOutcome = { decisionId: request.decisionId, gate: request.gate, choice: request.choice, acceptedAt: now() };
    this.state.decisions.push({
      ...outcome,
      actor: request.actor,
      reason: request.reason,
      ...(request.customerId ? { customerId: request.customerId } : {}),
    });
    await recordEvent(
      this.incidentId,
      'decision',
      `${request.actor.name} (${request.role}) decided ${request.gate}: ${request.choice}`,
      {
        decisionId: request.decisionId,
        gate: request.gate,
        choice: request.choice,
        reason: request.reason,
        role: request.role,
        ...(request.parameters ? { parameters: request.parameters } : {}),
        ...(request.customerId ? { customerId: request.customerId } : {}),
      },
      request.actor,
    );
    return outcome;
  }

  private async acceptClose(request: CloseIncidentRequest): Promise<void> {
    this.closeRequest = request;
    await condition(() => this.state.status === 'closed');
  }

  /** Registers a clock for the state query; see clocks.ts for how it runs. */
  trackClock(clock: Clock): void {
    this.state.clocks.push(clock);
  }

  clock(name: ClockName): Clock | undefined {
    return this.state.clocks.find((c) => c.name === name);
  }
}

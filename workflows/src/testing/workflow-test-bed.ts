import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

import type { Activities } from '@firebreak/activities';
import { DEFAULT_POLICY, type Deployment, type PlaybookInput, SEARCH_ATTRIBUTE_TYPES } from '@firebreak/domain';
import { ApplicationFailure, WorkflowUpdateFailedError } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { inject } from 'vitest';

type Input<K extends keyof Activities> = Parameters<Activities[K]>[0];
type TimelineEvent = Input<'recordTimelineEvent'>;

/** What the workflow wrote through the journal and mail activities, in the order it wrote it. */
export interface Recorded {
  events: TimelineEvent[];
  statuses: string[];
  steps: Input<'recordStep'>[];
  alerts: Input<'sendOperationsAlert'>['alert'][];
  noticeBatches: Input<'sendNoticeBatch'>[];
}

let runtimeInstalled = false;

type AnyActivity = (input: never) => Promise<unknown>;

/**
 * A time-skipping Temporal test server with one worker. The journal and mail activities are replaced by recorders
 * (every call is kept in `recorded`); the test file names the EC2 activities its workflows call, and a test may
 * change any of them with withActivities(). Tests start a bed each: time skipping is global to a server.
 */
export class WorkflowTestBed {
  readonly recorded: Recorded = { events: [], statuses: [], steps: [], alerts: [], noticeBatches: [] };
  readonly taskQueue = `workflow-tests-${randomUUID()}`;
  private readonly defaults: Partial<Activities>;
  private overrides: Partial<Activities> = {};
  private worker: Worker | undefined;
  private running: Promise<void> | undefined;

  private constructor(
    readonly env: TestWorkflowEnvironment,
    activities: Partial<Activities>,
  ) {
    this.defaults = { ...recordersFor(this.recorded), ...activities };
  }

  static async start(activities: Partial<Activities> = {}): Promise<WorkflowTestBed> {
    if (!runtimeInstalled) {
      Runtime.install({ logger: new DefaultLogger('ERROR') });
      runtimeInstalled = true;
    }
    const env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: inject('testServerPath') } },
    });
    // The playbooks upsert Firebreak's search attributes, which a server must know before it accepts them.
    await env.connection.operatorService.addSearchAttributes({
      namespace: env.namespace ?? 'default',
      searchAttributes: Object.fromEntries(
        Object.entries(SEARCH_ATTRIBUTE_TYPES).map(([name, type]) => [
          name,
          type === 'Keyword'
            ? temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD
            : temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
        ]),
      ),
    });
    const bed = new WorkflowTestBed(env, activities);
    await bed.startWorker();
    return bed;
  }

  /** Changes what some activities do, for the rest of the test. */
  use(activities: Partial<Activities>): void {
    this.overrides = { ...this.overrides, ...activities };
  }

  /** Runs one test's body with some activities changed (see use()). */
  async withActivities<T>(activities: Partial<Activities>, body: () => Promise<T>): Promise<T> {
    this.use(activities);
    return body();
  }

  /** The events whose summary contains `text`, for assertions on what the timeline says happened. */
  eventsAbout(text: string): TimelineEvent[] {
    return this.recorded.events.filter((e) => e.summary.includes(text));
  }

  async teardown(): Promise<void> {
    this.worker?.shutdown();
    await this.running;
    await this.env.teardown();
  }

  private async startWorker(): Promise<void> {
    const defaults = this.defaults as Record<string, AnyActivity>;
    const dispatching = Object.fromEntries(
      Object.keys(defaults).map((name) => [
        name,
        (input: never) => ((this.overrides as Record<string, AnyActivity | undefined>)[name] ?? defaults[name]!)(input),
      ]),
    );
    this.worker = await Worker.create({
      connection: this.env.nativeConnection,
      taskQueue: this.taskQueue,
      workflowBundle: { code: readFileSync(inject('workflowBundlePath'), 'utf8') },
      activities: dispatching,
    });
    this.running = this.worker.run();
  }
}

function recordersFor(recorded: Recorded): Partial<Activities> {
  return {
    async recordTimelineEvent(event) {
      // Activities run at least once: a repeated event (same id) is recorded once, as the database does.
      if (!recorded.events.some((e) => e.id === event.id)) recorded.events.push(event);
    },
    async recordIncidentStatus({ status }) {
      recorded.statuses.push(status);
    },
    async recordStep(update) {
      recorded.steps.push(update);
    },
    async sendOperationsAlert({ alert, to }) {
      recorded.alerts.push(alert);
      return { kind: 'operations-alert', contactId: 'operations', recipientEmail: to, outcome: 'sent', messageId: `<${alert.key}@test>` };
    },
    async sendNoticeBatch(input) {
      recorded.noticeBatches.push(input);
      return { contacts: input.notices.length, sent: input.notices.length, alreadySent: 0, failed: [] };
    },
    async sendRemindersPage() {
      return { reminded: 0, failed: 0, nextAfter: null };
    },
    async alertUnacknowledged() {
      return { escalated: 0 };
    },
  };
}

/** Waits until `probe` (typically a workflow query) holds, polling the server: the event it awaits has no push. */
export async function eventually<T>(probe: () => Promise<T>, holds: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (holds(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The failure an update validator refused with: an ApplicationFailure of a registered type. */
export async function refusalOf(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof WorkflowUpdateFailedError) || !(error.cause instanceof ApplicationFailure)) {
    throw new Error(`expected the update to be refused with an ApplicationFailure, got ${String(error)}`);
  }
  return error.cause;
}

export function deployment(overrides: Partial<Deployment> & Pick<Deployment, 'id' | 'tenancy' | 'customerIds'>): Deployment {
  return {
    name: `Transfer node ${overrides.id}`,
    region: 'eu-central-1',
    vpcId: 'vpc-0a1b2c3d',
    subnetIds: ['subnet-0a1b2c3d'],
    applicationKind: 'faspex',
    instanceTag: overrides.id,
    allowListedSources: [],
    knownGoodImageId: 'ami-0a1b2c3d',
    ...overrides,
  };
}

/** A playbook input as the console builds it, with the default policy's real durations (2 h, 24 h, 14 days...). */
export function playbookInput(overrides: Partial<PlaybookInput> & Pick<PlaybookInput, 'playbook'>): PlaybookInput {
  return {
    incidentId: `inc-${randomUUID().replaceAll('-', '').slice(0, 12)}`,
    severity: 'high',
    summary: 'Unit test incident',
    deployments: [deployment({ id: 'acme-single', tenancy: 'single', customerIds: ['acme'] })],
    declaredBy: { kind: 'user', id: 'user-1', name: 'Dana On-call' },
    policy: DEFAULT_POLICY,
    ...overrides,
  };
}

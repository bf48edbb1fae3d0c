import { type ContactRole, type CustomerNoticeContent, FOLLOWED_UP_KINDS, incidentWorkflowId, type NoticeKind } from '@firebreak/domain';
import { ParentClosePolicy, startChild } from '@temporalio/workflow';

import { mailBatch } from '../support/activity-proxies';
import { alertOperations } from '../support/alert-operations';
import { describeFailure, recordEvent } from '../support/incident-journal';
import type { IncidentRun } from '../support/incident-run';
import { settleInWindow } from '../support/settle-in-window';
import { followUpNotices } from './follow-up-notices';

/**
 * Customers per batch activity. A page of customers (a few contacts each) is one activity in the history, so a round to
 * every customer of a large provider stays far from Temporal's 51,200 events per run and 2 MB per payload.
 */
const CUSTOMERS_PER_BATCH = 25;
/** Batches in flight at once: enough to keep the mail pool's connections busy, few enough to share the worker. */
const BATCHES_IN_FLIGHT = 4;
/** Failed contacts named in the alert to operations; the timeline has every one. */
const ALERT_LINES = 50;

export interface NotifyCustomersInput {
  customerIds: string[];
  /** Designated technical contacts by default; risk communication adds management. */
  roles?: ContactRole[];
  /** The notice for one customer: only that customer's deployments may appear in it. Its name comes from the directory. */
  contentFor: (customerId: string) => CustomerNoticeContent;
  revision?: number;
}

export interface NotifyResult {
  sent: number;
  failed: { contactId: string; reason: string }[];
}

/**
 * Sends one notice to every matching contact of the affected customers, in parallel, each exactly once.
 * A contact whose server refuses the message for good is recorded and on-call is alerted; the others still get theirs.
 */
export async function notifyCustomers(run: IncidentRun, input: NotifyCustomersInput): Promise<NotifyResult> {
  const { sent, failed } = await notifyInBatches(run, input);
  const first = input.customerIds[0];
  const revision = input.revision ?? 1;
  if (failed.length > 0) {
    // One alert per round: the same contact failing in a later round (another kind or revision) is alerted again.
    const round = first !== undefined ? `${input.contentFor(first).kind}-r${revision}-` : '';
    await alertOperations(
      run,
      `notice-failed-${round}${failed.map((f) => f.contactId).join('-')}`.slice(0, 120),
      'a customer notice could not be delivered',
      [
        ...failed.slice(0, ALERT_LINES).map((f) => `${f.contactId}: ${f.reason}`),
        ...(failed.length > ALERT_LINES ? [`and ${failed.length - ALERT_LINES} more (see the incident's timeline)`] : []),
      ],
    );
  }
  if (first !== undefined && sent > 0) {
    await startFollowUp(run, input.contentFor(first), revision);
  }
  return { sent, failed };
}

async function notifyInBatches(run: IncidentRun, input: NotifyCustomersInput): Promise<NotifyResult> {
  const batches: string[][] = [];
  for (let i = 0; i < input.customerIds.length; i += CUSTOMERS_PER_BATCH) {
    batches.push(input.customerIds.slice(i, i + CUSTOMERS_PER_BATCH));
  }
  const outcomes = await settleInWindow(batches, BATCHES_IN_FLIGHT, (customerIds) =>
    mailBatch.sendNoticeBatch({
      incidentId: run.incidentId,
      roles: input.roles ?? ['designated-technical'],
      revision: input.revision ?? 1,
      linkTtlSeconds: run.input.policy.linkTtlSeconds,
      notices: customerIds.map((customerId) => ({ customerId, content: input.contentFor(customerId) })),
    }),
  );
  const result: NotifyResult = { sent: 0, failed: [] };
  for (const [i, outcome] of outcomes.entries()) {
    if (outcome.status === 'fulfilled') {
      result.sent += outcome.value.sent + outcome.value.alreadySent;
      result.failed.push(...outcome.value.failed);
    } else {
      // Only a batch the activity refuses as invalid ends here; temporary failures are retried until they pass.
      const reason = describeFailure(outcome.reason);
      const customers = batches[i]!;
      await recordEvent(run.incidentId, 'notice', `Notices to ${customers.length} customers could not be sent: ${reason}`, {
        customerIds: customers,
        reason,
      });
      result.failed.push(...customers.map((customerId) => ({ contactId: `customer:${customerId}`, reason })));
    }
  }
  return result;
}

/** Reminds whoever does not acknowledge this notice round, then tells on-call (see followUpNotices). */
async function startFollowUp(run: IncidentRun, sample: CustomerNoticeContent, revision: number): Promise<void> {
  const kind: NoticeKind = sample.kind;
  if (!FOLLOWED_UP_KINDS.includes(kind)) return;
  const { policy } = run.input;
  try {
    await startChild(followUpNotices, {
      workflowId: `${incidentWorkflowId(run.incidentId)}-follow-up-${kind}-${revision}`,
      // Follow-ups end with the incident: nothing is reminded after it is closed.
      parentClosePolicy: ParentClosePolicy.TERMINATE,
      args: [
        {
          incidentId: run.incidentId,
          kind,
          revision,
          playbookTitle: sample.playbookTitle,
          severity: sample.severity,
          delaySeconds: policy.reminderDelaySeconds,
          operationsEmail: policy.operationsEmail,
          linkTtlSeconds: policy.linkTtlSeconds,
        },
      ],
    });
  } catch (error) {
    // A round repeated with the same kind and revision is already followed up.
    await recordEvent(run.incidentId, 'notice', `Follow-up of ${kind} not started: ${describeFailure(error)}`, { kind, revision });
  }
}

import { ParentClosePolicy, patched, startChild } from '@temporalio/workflow';
import {
  type ContactRole,
  DEFAULT_POLICY,
  FOLLOWED_UP_KINDS,
  incidentWorkflowId,
  type NoticeContent,
  type NoticeKind,
} from '@firebreak/domain';
import { mail } from '../support/activity-proxies';
import { describeFailure, recordEvent } from '../support/incident-journal';
import type { IncidentRun } from '../support/incident-run';
import { alertOperations } from '../support/alert-operations';
import { followUpNotices } from './follow-up-notices';

/**
 * Sends in flight at once. Thousands scheduled in one workflow task exceed gRPC's 4 MiB message limit (the task fails
 * for ever) and Temporal's 2,000 pending activities per workflow; a few hundred keep the mail pool busy all the same.
 */
const SEND_WINDOW = 200;

export interface NotifyCustomersInput {
  customerIds: string[];
  /** Designated technical contacts by default; risk communication adds management. */
  roles?: ContactRole[];
  /** The notice for one customer: only that customer's deployments may appear in it. */
  contentFor: (customer: { id: string; name: string }) => NoticeContent;
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
  const recipients = await mail.listNoticeRecipients({
    customerIds: input.customerIds,
    roles: input.roles ?? ['designated-technical'],
  });
  const notifyOne = async (contact: (typeof recipients)[number]) => {
    const content = input.contentFor({ id: contact.customerId, name: contact.customerName });
    const result = await mail.sendNotice({
      contactId: contact.id,
      revision: input.revision ?? 1,
      content,
      linkTtlSeconds: run.input.policy.linkTtlSeconds ?? DEFAULT_POLICY.linkTtlSeconds,
    });
    const verb = result.outcome === 'sent' ? 'sent' : 'already sent';
    await recordEvent(run.incidentId, 'notice', `Notice ${content.kind} ${verb} to ${contact.name} <${contact.email}>`, {
      ...result,
      customerId: contact.customerId,
    });
    return result;
  };
  // Histories recorded before the window existed scheduled every send in one workflow task; they replay that way.
  const outcomes = patched('notice-send-window')
    ? await settleInWindow(recipients, SEND_WINDOW, notifyOne)
    : await Promise.allSettled(recipients.map(notifyOne));
  const failed: NotifyResult['failed'] = [];
  outcomes.forEach((outcome, i) => {
    if (outcome.status === 'rejected') failed.push({ contactId: recipients[i]!.id, reason: describeFailure(outcome.reason) });
  });
  for (const f of failed) {
    await recordEvent(run.incidentId, 'notice', `A notice could not be delivered to ${f.contactId}: ${f.reason}`, f);
  }
  if (failed.length > 0) {
    await alertOperations(
      run,
      `notice-failed-${failed.map((f) => f.contactId).join('-')}`.slice(0, 120),
      'a customer notice could not be delivered',
      failed.map((f) => `${f.contactId}: ${f.reason}`),
    );
  }
  const sent = recipients.length - failed.length;
  const first = recipients[0];
  // Histories recorded before follow-ups existed replay without them.
  if (first && sent > 0 && patched('notice-follow-up')) {
    await startFollowUp(run, input.contentFor({ id: first.customerId, name: first.customerName }), input.revision ?? 1);
  }
  return { sent, failed };
}

/** Like Promise.allSettled over `items`, with at most `width` calls running at a time, outcomes in input order. */
async function settleInWindow<T, R>(items: T[], width: number, call: (item: T) => Promise<R>): Promise<PromiseSettledResult<R>[]> {
  const outcomes: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      try {
        outcomes[i] = { status: 'fulfilled', value: await call(items[i]!) };
      } catch (reason) {
        outcomes[i] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
  return outcomes;
}

/** Reminds whoever does not acknowledge this notice round, then tells on-call (see followUpNotices). */
async function startFollowUp(run: IncidentRun, sample: NoticeContent, revision: number): Promise<void> {
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
          linkTtlSeconds: policy.linkTtlSeconds ?? DEFAULT_POLICY.linkTtlSeconds,
        },
      ],
    });
  } catch (error) {
    // A round repeated with the same kind and revision is already followed up.
    await recordEvent(run.incidentId, 'notice', `Follow-up of ${kind} not started: ${describeFailure(error)}`, { kind, revision });
  }
}

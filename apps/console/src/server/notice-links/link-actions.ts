import { acknowledgeNotice, appendTimelineEvent, revokeLink } from '@firebreak/db';
import { DeferralRequest, FirebreakError, INCIDENT_UPDATES, type MaintenancePlan } from '@firebreak/domain';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { z } from 'zod';

import { getDatabase } from '../database';
import { submitDecision } from '../decisions/submit-decision';
import { updateRefusalOf, withTemporal } from '../temporal-errors';
import { type LinkAction, recordLinkEvent, recordLinkRefusal } from './link-audit';
import { LINK_PROBLEM_MESSAGES, type OpenedNoticeLink, openNoticeLink, type OpenNoticeLinkResult } from './open-notice-link';

export type LinkActionResult = { ok: true; message: string } | { ok: false; message: string };

/** Single-tenant deployments this notice offers to move, with the latest time each may move to. */
export function deferrableDeployments(link: OpenedNoticeLink): { id: string; name: string; window: string; deferrableUntil: string }[] {
  const content = link.content;
  if (content?.kind !== 'maintenance-schedule') return [];
  return content.deployments.flatMap((d) =>
    d.tenancy === 'single' && d.deferrableUntil ? [{ id: d.id, name: d.name, window: d.window, deferrableUntil: d.deferrableUntil }] : [],
  );
}

export function canSignOff(link: OpenedNoticeLink): boolean {
  return link.notice.kind === 'monitoring-sign-off-request';
}

// Every action checks the link again; a refusal is audited with the action it was tried for.
async function openFor(token: string, action: LinkAction): Promise<OpenNoticeLinkResult> {
  const opened = await openNoticeLink(token);
  if (!opened.ok) await recordLinkRefusal(token, opened.problem, action);
  return opened;
}

/** The contact acknowledges the notice: recorded on its outbox row and on the timeline, once. */
export async function acknowledgeByLink(token: string): Promise<LinkActionResult> {
  const opened = await openFor(token, 'acknowledge');
  if (!opened.ok) return { ok: false, message: LINK_PROBLEM_MESSAGES[opened.problem] };
  const recorded = await acknowledge(opened.link);
  await recordLinkEvent(opened.link, 'acknowledged', { alreadyAcknowledged: !recorded });
  return { ok: true, message: 'Thank you: your acknowledgement is recorded.' };
}

/** True when this call recorded the acknowledgement, false when it was recorded before. */
async function acknowledge(link: OpenedNoticeLink): Promise<boolean> {
  const db = await getDatabase();
  const at = new Date().toISOString();
  if (!(await acknowledgeNotice(db, link.claims, link.actor, at))) return false;
  await appendTimelineEvent(db, {
    id: `acknowledged-${link.claims.linkId}`,
    incidentId: link.incident.id,
    at,
    actor: link.actor,
    kind: 'notice',
    summary: `${link.contact.name} (${link.contact.customerName}) acknowledged the ${link.notice.kind} notice`,
    details: { kind: link.notice.kind, revision: link.notice.revision, contactId: link.contact.id, customerId: link.contact.customerId },
  });
  return true;
}

const DeferralForm = z.object({
  deploymentId: z.string().min(1).max(64),
  /** A UTC time from the form (`YYYY-MM-DDTHH:MM`, as a datetime-local input sends it) or a full ISO timestamp. */
  until: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/, 'choose a date and time'),
  reason: z.string().trim().min(1, 'give a reason').max(2000),
});

/** A single-tenant contact asks for another maintenance window: the playbook's requestDeferral update decides. */
export async function requestDeferralByLink(token: string, form: unknown): Promise<LinkActionResult> {
  const opened = await openFor(token, 'request-deferral');
  if (!opened.ok) return { ok: false, message: LINK_PROBLEM_MESSAGES[opened.problem] };
  const { link } = opened;
  const parsed = DeferralForm.safeParse(form);
  const result = await requestDeferral(link, parsed);
  const asked = parsed.success ? { deploymentId: parsed.data.deploymentId, until: parsed.data.until } : {};
  const outcome = { outcome: result.ok ? 'accepted' : 'refused', message: result.message };
  await recordLinkEvent(link, 'deferral-requested', { ...asked, ...outcome }, result.ok ? 'notice' : 'warning');
  return result;
}

async function requestDeferral(link: OpenedNoticeLink, parsed: ReturnType<typeof DeferralForm.safeParse>): Promise<LinkActionResult> {
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; ') };
  const deployment = deferrableDeployments(link).find((d) => d.id === parsed.data.deploymentId);
  if (!deployment) return { ok: false, message: 'This notice does not offer to move that deployment.' };
  const until = new Date(parsed.data.until.endsWith('Z') ? parsed.data.until : `${parsed.data.until}Z`).toISOString();
  // The link's id is the update id: the same link asking twice gets the first answer and changes nothing more.
  const requestId = `link-${link.claims.linkId}`;
  const request = DeferralRequest.parse({
    requestId,
    deploymentId: deployment.id,
    until,
    reason: parsed.data.reason,
    actor: link.actor,
    role: 'contact',
  });
  try {
    const plan = await withTemporal((client) =>
      client.workflow
        .getHandle(link.incident.workflowId)
        .executeUpdate<MaintenancePlan, [DeferralRequest]>(INCIDENT_UPDATES.requestDeferral, {
          args: [request],
          updateId: requestId,
        }),
    );
    await spend(link);
    return {
      ok: true,
      message: `The maintenance of ${deployment.name} is moved to ${plan.window}. A confirmation is on its way by email.`,
    };
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) {
      const refusal = updateRefusalOf(error);
      return { ok: false, message: refusal.kind === 'unhandled' ? 'The request was refused.' : refusal.message };
    }
    if (error instanceof WorkflowNotFoundError)
      return { ok: false, message: 'The maintenance is over: the window can no longer be moved.' };
    if (error instanceof FirebreakError) return { ok: false, message: error.message };
    throw error;
  }
}

/** The contact signs monitoring off for their customer: the playbook's customer-satisfied gate. */
export async function signOffByLink(token: string, form: unknown): Promise<LinkActionResult> {
  const opened = await openFor(token, 'sign-off');
  if (!opened.ok) return { ok: false, message: LINK_PROBLEM_MESSAGES[opened.problem] };
  const result = await signOff(opened.link, form);
  const outcome = { outcome: result.ok ? 'accepted' : 'refused', message: result.message };
  await recordLinkEvent(opened.link, 'satisfied', outcome, result.ok ? 'notice' : 'warning');
  return result;
}

async function signOff(link: OpenedNoticeLink, form: unknown): Promise<LinkActionResult> {
  if (!canSignOff(link)) return { ok: false, message: 'This notice does not ask for a sign-off.' };
  const reason = z
    .string()
    .trim()
    .min(1)
    .max(2000)
    .safeParse((form as { reason?: unknown } | null)?.reason);
  try {
    await submitDecision({
      incidentId: link.incident.id,
      body: {
        decisionId: `link-${link.claims.linkId}`,
        gate: 'customer-satisfied',
        choice: 'satisfied',
        reason: reason.success ? reason.data : 'Satisfied that no vulnerability remains (signed off through the notice link).',
        customerId: link.contact.customerId,
      },
      actor: link.actor,
      role: 'contact',
    });
  } catch (error) {
    if (error instanceof FirebreakError) return { ok: false, message: error.message };
    throw error;
  }
  await spend(link);
  return { ok: true, message: 'Thank you: your sign-off is recorded.' };
}

// A one-shot action also acknowledges the notice, then spends the link so it cannot act again.
async function spend(link: OpenedNoticeLink): Promise<void> {
  await acknowledge(link);
  await revokeLink(await getDatabase(), { linkId: link.claims.linkId, incidentId: link.incident.id, reason: 'used' });
}

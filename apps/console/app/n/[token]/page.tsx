import { renderNotice } from '@firebreak/activities/render';
import type { Metadata } from 'next';

import { canSignOff, deferrableDeployments } from '@/server/notice-links/link-actions';
import { LINK_PROBLEM_MESSAGES } from '@/server/notice-links/open-notice-link';
import { viewNoticeLink } from '@/server/notice-links/view-notice-link';

import { AcknowledgeForm, DeferralForm, SignOffForm } from './link-forms';

// Public: a contact has no account; the signed link in the URL is checked on every request.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Security notice', referrer: 'no-referrer', robots: { index: false, follow: false } };

/**
 * A contact's page for one notice: that notice as it was sent, and the actions it allows. It shows nothing of any
 * other notice, contact or customer.
 */
export default async function NoticeLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const opened = await viewNoticeLink(decodeURIComponent(token));
  if (!opened.ok) {
    return (
      <section className="card" aria-labelledby="link-problem">
        <h1 id="link-problem">This link cannot be used</h1>
        <p>{LINK_PROBLEM_MESSAGES[opened.problem]}</p>
      </section>
    );
  }
  const { link } = opened;
  const rendered = link.content ? renderNotice(link.content, link.contact.name) : undefined;
  const deferrable = deferrableDeployments(link);
  return (
    <article aria-labelledby="notice-subject">
      <p className="muted">
        For {link.contact.name}, {link.contact.customerName} · incident {link.incident.id}
      </p>
      <h1 id="notice-subject">{link.notice.subject}</h1>
      {rendered ? <pre className="notice-text">{rendered.text}</pre> : <p>The text of this notice is in the email you received.</p>}
      <AcknowledgeForm token={token} acknowledged={link.notice.acknowledgedAt != null} />
      {deferrable.length > 0 && <DeferralForm token={token} deployments={deferrable} />}
      {canSignOff(link) && <SignOffForm token={token} />}
    </article>
  );
}

import { renderNotice } from '@firebreak/activities/render';
import { NoticeKind } from '@firebreak/domain';

import { requirePageActor } from '@/server/auth/require-page-actor';
import { SAMPLE_NOTICES } from '@/server/notices/sample-notices';

export const metadata = { title: 'Notice previews' };

/** Every notice kind rendered from sample data, as a contact would receive it (the link is a placeholder). */
export default async function NoticePreviewPage() {
  await requirePageActor('incidents:read');
  return (
    <>
      <h1>Notice previews</h1>
      <p className="muted">What each notice says, rendered from sample data with the same templates the playbooks send.</p>
      {NoticeKind.options.map((kind) => {
        const rendered = renderNotice(SAMPLE_NOTICES[kind], 'Ada Park', 'https://console.example/n/<signed link>');
        return (
          <section key={kind} className="card" aria-labelledby={`preview-${kind}`}>
            <h2 id={`preview-${kind}`}>{kind}</h2>
            <p>
              <strong>Subject:</strong> {rendered.subject}
            </p>
            <pre className="notice-text">{rendered.text}</pre>
          </section>
        );
      })}
    </>
  );
}

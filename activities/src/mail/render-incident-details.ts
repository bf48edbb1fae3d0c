import { HeaderSafeText, type IncidentDetailsNoticeData } from '@firebreak/domain';
import { escapeHtml } from './escape-html';

export interface RenderedNotice {
  subject: string;
  text: string;
  html: string;
}

/** The first notice a customer's technical contacts get: what happened, what was done, what comes next. */
export function renderIncidentDetails(data: IncidentDetailsNoticeData, recipientName: string): RenderedNotice {
  const subject = HeaderSafeText.parse(
    `[Security incident ${data.incidentId}] ${data.customerName}: environment disconnected from public access`,
  );
  const rows = data.deployments.map(
    (d) =>
      `${d.name} (${d.id}): ${d.instancesIsolated} instance(s) isolated, ${d.addressesReleased} public address(es) released`,
  );
  const text = [
    `Dear ${recipientName},`,
    '',
    `We suspect that the infrastructure of your transfer service may have been compromised. As a precaution we`,
    `disconnected it from public access at ${data.containedAt} (UTC).`,
    '',
    `Incident: ${data.incidentId}`,
    `Playbook: ${data.playbookTitle}`,
    `Severity: ${data.severity}`,
    `Declared: ${data.declaredAt} (UTC)`,
    `What we know: ${data.summary}`,
    '',
    'Affected deployments:',
    ...rows.map((r) => `  - ${r}`),
    '',
    'Instances, their disks and their addresses are preserved for investigation; nothing has been deleted.',
    'Next, our operations team will decide whether a backup environment on new infrastructure can be provided,',
    'and will write to you with any risk to your content as soon as it is known.',
    '',
    'Please reply to this message with any question, quoting the incident number.',
  ].join('\n');
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a">
<p>Dear ${escapeHtml(recipientName)},</p>
<p>We suspect that the infrastructure of your transfer service may have been compromised. As a precaution we
disconnected it from public access at <strong>${escapeHtml(data.containedAt)}</strong> (UTC).</p>
<table cellpadding="4" style="border-collapse:collapse">
<tr><th align="left">Incident</th><td>${escapeHtml(data.incidentId)}</td></tr>
<tr><th align="left">Playbook</th><td>${escapeHtml(data.playbookTitle)}</td></tr>
<tr><th align="left">Severity</th><td>${escapeHtml(data.severity)}</td></tr>
<tr><th align="left">Declared</th><td>${escapeHtml(data.declaredAt)} (UTC)</td></tr>
<tr><th align="left">What we know</th><td>${escapeHtml(data.summary)}</td></tr>
</table>
<p>Affected deployments:</p>
<ul>${rows.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>
<p>Instances, their disks and their addresses are preserved for investigation; nothing has been deleted.
Next, our operations team will decide whether a backup environment on new infrastructure can be provided,
and will write to you with any risk to your content as soon as it is known.</p>
<p>Please reply to this message with any question, quoting the incident number.</p>
</body></html>`;
  return { subject, text, html };
}

import { z } from 'zod';

export const NoticeKind = z.enum([
  'incident-details',
  'risk-communication',
  'backup-environment-ready',
  'maintenance-schedule',
  'deferral-confirmation',
  'bulletin-exploitable',
  'bulletin-not-exploitable',
  'monitoring-sign-off-request',
  'incident-closed',
  'service-restored',
  'reminder',
]);
export type NoticeKind = z.infer<typeof NoticeKind>;

export const NoticeStatus = z.enum(['pending', 'sent', 'failed']);
export type NoticeStatus = z.infer<typeof NoticeStatus>;

export const Notice = z.object({
  incidentId: z.string(),
  /** A customer notice kind, or `operations-alert:<key>` for an alert to the operations team. */
  kind: z.union([NoticeKind, z.templateLiteral(['operations-alert:', z.string()])]),
  contactId: z.string(),
  revision: z.number().int().min(1),
  recipientEmail: z.email(),
  subject: z.string(),
  status: NoticeStatus,
  messageId: z.string().nullable(),
  attempts: z.number().int(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
  error: z.string().nullable(),
  /** When the contact acknowledged it through the notice's link. */
  acknowledgedAt: z.iso.datetime().nullable().optional(),
});
export type Notice = z.infer<typeof Notice>;

/** Refuses line breaks and other control characters, which would let a value forge mail headers. */
export const HeaderSafeText = z
  .string()
  .min(1)
  .max(300)
  // eslint-disable-next-line no-control-regex -- refusing control characters is what this pattern is for
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain line breaks or control characters');

/** Notices a contact may be reminded of: a reminder is not itself reminded, and nothing follows a closed incident. */
export const FOLLOWED_UP_KINDS: readonly NoticeKind[] = NoticeKind.options.filter(
  (k) => k !== 'reminder' && k !== 'incident-closed' && k !== 'service-restored',
);

/**
 * The outbox revision of the reminder of (kind, revision). Reminders of different notices must not share a key, and
 * must stay clear of the maintenance reminders (keyed by the window's epoch milliseconds).
 */
export function reminderRevision(kind: NoticeKind, revision: number): number {
  return (NoticeKind.options.indexOf(kind) + 1) * 1_000_000 + revision;
}

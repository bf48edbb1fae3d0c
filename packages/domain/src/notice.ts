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
  'reminder',
]);
export type NoticeKind = z.infer<typeof NoticeKind>;

export const NoticeStatus = z.enum(['pending', 'sent', 'failed']);
export type NoticeStatus = z.infer<typeof NoticeStatus>;

export const Notice = z.object({
  incidentId: z.string(),
  kind: NoticeKind,
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
});
export type Notice = z.infer<typeof Notice>;

/** What the incident-details notice tells one customer: only that customer's deployments appear in it. */
export const IncidentDetailsNoticeData = z.object({
  incidentId: z.string(),
  playbookTitle: z.string(),
  severity: z.string(),
  summary: z.string(),
  declaredAt: z.iso.datetime(),
  containedAt: z.iso.datetime(),
  customerName: z.string(),
  deployments: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      instancesIsolated: z.number().int().min(0),
      addressesReleased: z.number().int().min(0),
    }),
  ),
});
export type IncidentDetailsNoticeData = z.infer<typeof IncidentDetailsNoticeData>;

/** Refuses line breaks and other control characters, which would let a value forge mail headers. */
export const HeaderSafeText = z
  .string()
  .min(1)
  .max(300)
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain line breaks or control characters');

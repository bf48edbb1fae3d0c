import { z } from 'zod';

const seconds = (max: number) => z.number().int().min(1).max(max);
const DAY = 86_400;

/**
 * The response targets the provider commits to, in seconds, and how early on-call is warned. Administrators edit it;
 * each incident takes a copy when it is declared, so a later change never moves a running incident's clocks.
 */
export const Policy = z
  .object({
    /** Every affected deployment cut off the public internet within (15 minutes) of the declaration. */
    containmentTargetSeconds: seconds(DAY).default(15 * 60),
    /** Bulletin for an exploitable vulnerability: target (typically 2 h) and hard limit (24 h) from discovery. */
    bulletinTargetSeconds: seconds(30 * DAY),
    bulletinLimitSeconds: seconds(30 * DAY),
    /** Fixed software released within (24 h). */
    fixReleaseLimitSeconds: seconds(30 * DAY),
    /** Backup instance on new infrastructure within (24 h). */
    backupInstanceTargetSeconds: seconds(30 * DAY),
    /** How far past the proposed window a single-tenant customer may defer maintenance. */
    deferralLimitSeconds: seconds(365 * DAY),
    /** Notice before a proposed maintenance window. */
    maintenanceNoticeSeconds: seconds(30 * DAY),
    /** Regular update train cadence for non-exploitable fixes (2–6 weeks). */
    updateTrainCadenceSeconds: seconds(365 * DAY),
    /** How long an automatic block of a suspicious source lasts unless an engineer keeps it. */
    blockTtlSeconds: seconds(365 * DAY),
    /** Warn on-call when this fraction of a clock's time is used (0.75 = with a quarter left). */
    warnAtFraction: z.number().min(0.1).max(0.99),
    /** Interval of the heightened-monitoring checks. */
    monitoringCheckIntervalSeconds: seconds(DAY),
    /** Reminder of an unacknowledged notice after this long. */
    reminderDelaySeconds: seconds(30 * DAY),
    /** How long the link in a notice stays valid. */
    linkTtlSeconds: seconds(365 * DAY),
    /** Where clock warnings, breaches and suspicious-activity alerts go. */
    operationsEmail: z.email(),
  })
  .refine((p) => p.bulletinTargetSeconds <= p.bulletinLimitSeconds, {
    message: 'the bulletin target must not be later than its limit',
    path: ['bulletinTargetSeconds'],
  });
export type Policy = z.infer<typeof Policy>;

const HOUR = 3600;
export const DEFAULT_POLICY: Policy = {
  containmentTargetSeconds: 15 * 60,
  bulletinTargetSeconds: 2 * HOUR,
  bulletinLimitSeconds: 24 * HOUR,
  fixReleaseLimitSeconds: 24 * HOUR,
  backupInstanceTargetSeconds: 24 * HOUR,
  deferralLimitSeconds: 14 * DAY,
  maintenanceNoticeSeconds: 2 * DAY,
  updateTrainCadenceSeconds: 14 * DAY,
  blockTtlSeconds: 24 * HOUR,
  warnAtFraction: 0.75,
  monitoringCheckIntervalSeconds: 15 * 60,
  reminderDelaySeconds: 4 * HOUR,
  linkTtlSeconds: 14 * DAY,
  operationsEmail: 'security-operations@provider.example',
};

/** A durable deadline a playbook races against the event it waits for. */
export const ClockName = z.enum(['containment', 'bulletin-target', 'bulletin-limit', 'fix-release', 'backup-instance']);
export type ClockName = z.infer<typeof ClockName>;

/** `cancelled`: the awaited event will not happen (e.g. no backup instance was deemed safe). */
export const ClockStatus = z.enum(['running', 'warned', 'met', 'breached', 'cancelled']);
export type ClockStatus = z.infer<typeof ClockStatus>;

export const Clock = z.object({
  name: ClockName,
  startedAt: z.iso.datetime(),
  deadline: z.iso.datetime(),
  status: ClockStatus,
  metAt: z.iso.datetime().nullable(),
});
export type Clock = z.infer<typeof Clock>;

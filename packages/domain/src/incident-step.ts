import { z } from 'zod';

// The steps an incident page tracks: playbook.ts names each playbook's steps and incident.ts carries them with their
// progress, so both take them from here.

export const StepName = z.enum([
  'disconnect',
  'notify',
  'restore',
  'decide',
  'rebuild',
  'backup-notice',
  'recreate',
  'reestablish',
  'risk-communication',
  'monitor',
  'bulletin',
  'fix-release',
  'maintenance-schedule',
  'upgrade',
  'block',
  'alert',
  'lift-block',
  'close',
]);
export type StepName = z.infer<typeof StepName>;

export const StepStatus = z.enum(['pending', 'running', 'completed', 'failed']);
export type StepStatus = z.infer<typeof StepStatus>;

export const IncidentStep = z.object({
  name: StepName,
  status: StepStatus,
  startedAt: z.iso.datetime().nullable(),
  completedAt: z.iso.datetime().nullable(),
  error: z.string().nullable(),
});
export type IncidentStep = z.infer<typeof IncidentStep>;

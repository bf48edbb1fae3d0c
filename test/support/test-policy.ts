import { DEFAULT_POLICY, type Policy } from '@firebreak/domain';

/** The documented policy with every clock in seconds instead of hours, so tests never wait real time. */
export const TEST_POLICY: Policy = {
  ...DEFAULT_POLICY,
  bulletinTargetSeconds: 4,
  bulletinLimitSeconds: 8,
  fixReleaseLimitSeconds: 6,
  backupInstanceTargetSeconds: 30,
  deferralLimitSeconds: 60,
  maintenanceNoticeSeconds: 3,
  updateTrainCadenceSeconds: 5,
  blockTtlSeconds: 4,
  monitoringCheckIntervalSeconds: 1,
  reminderDelaySeconds: 3600,
  linkTtlSeconds: 600,
  operationsEmail: 'on-call@provider.example',
};

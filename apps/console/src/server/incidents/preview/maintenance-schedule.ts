import type { MaintenanceChanges, PlaybookId, Policy, Tenancy } from '@firebreak/domain';

export type MaintenanceSchedule = Pick<MaintenanceChanges, 'schedule' | 'windowAfterFixSeconds' | 'deferrableForSeconds'>;

/**
 * When a vulnerability playbook upgrades a deployment, counted from the fix's release, by the same rules as the
 * maintenance phase: an exploitable one upgrades multi-tenant deployments at once and proposes single-tenant
 * customers a window after the notice period; a non-exploitable one waits for the update train. Single-tenant
 * customers may move their window by up to the deferral limit.
 */
export function maintenanceScheduleOf(playbook: PlaybookId, tenancy: Tenancy, policy: Policy): MaintenanceSchedule {
  const deferrableForSeconds = tenancy === 'single' ? policy.deferralLimitSeconds : null;
  if (playbook === 'non-exploitable-vulnerability') {
    return { schedule: 'update-train', windowAfterFixSeconds: policy.updateTrainCadenceSeconds, deferrableForSeconds };
  }
  if (tenancy === 'multi') return { schedule: 'at-fix-release', windowAfterFixSeconds: 0, deferrableForSeconds };
  return { schedule: 'proposed-window', windowAfterFixSeconds: policy.maintenanceNoticeSeconds, deferrableForSeconds };
}

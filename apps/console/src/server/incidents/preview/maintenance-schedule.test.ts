import { DEFAULT_POLICY } from '@firebreak/domain';
import { describe, expect, it } from 'vitest';

import { maintenanceScheduleOf } from './maintenance-schedule';

const policy = {
  ...DEFAULT_POLICY,
  maintenanceNoticeSeconds: 172_800,
  deferralLimitSeconds: 1_209_600,
  updateTrainCadenceSeconds: 1_209_600,
};

describe('maintenanceScheduleOf', () => {
  it('upgrades multi-tenant deployments as soon as an exploitable fix is out', () => {
    expect(maintenanceScheduleOf('exploitable-vulnerability', 'multi', policy)).toEqual({
      schedule: 'at-fix-release',
      windowAfterFixSeconds: 0,
      deferrableForSeconds: null,
    });
  });

  it('proposes single-tenant customers a window after the notice period, which they may move', () => {
    expect(maintenanceScheduleOf('exploitable-vulnerability', 'single', policy)).toEqual({
      schedule: 'proposed-window',
      windowAfterFixSeconds: 172_800,
      deferrableForSeconds: 1_209_600,
    });
  });

  it('ships a non-exploitable fix with the update train, single-tenant customers still free to defer', () => {
    expect(maintenanceScheduleOf('non-exploitable-vulnerability', 'multi', policy)).toEqual({
      schedule: 'update-train',
      windowAfterFixSeconds: 1_209_600,
      deferrableForSeconds: null,
    });
    expect(maintenanceScheduleOf('non-exploitable-vulnerability', 'single', policy).deferrableForSeconds).toBe(1_209_600);
  });
});

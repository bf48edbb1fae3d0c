import { DEFAULT_POLICY, Policy } from '@firebreak/domain';
import { describe, expect, it } from 'vitest';

import { DURATION_FIELDS, durationLimit, durationParts, policyFromForm } from './policy-form-fields';

function formOf(values: Record<string, string>) {
  return { get: (name: string) => values[name] ?? '' };
}

/** The form as the settings page fills it for a policy. */
function filledWith(policy: Policy): Record<string, string> {
  const values: Record<string, string> = {
    warnAtPercent: String(Math.round(policy.warnAtFraction * 100)),
    operationsEmail: policy.operationsEmail,
  };
  for (const { name } of DURATION_FIELDS) {
    const { hours, minutes } = durationParts(policy[name]);
    values[`${name}.hours`] = String(hours);
    values[`${name}.minutes`] = String(minutes);
  }
  return values;
}

describe('policyFromForm', () => {
  it('reads back the policy the form was filled with', () => {
    const { policy, fieldErrors } = policyFromForm(formOf(filledWith(DEFAULT_POLICY)));
    expect(fieldErrors).toEqual({});
    expect(Policy.parse(policy)).toEqual(DEFAULT_POLICY);
  });

  it('covers every duration of the policy', () => {
    const durations = Object.keys(DEFAULT_POLICY)
      .filter((key) => key.endsWith('Seconds'))
      .sort();
    expect(DURATION_FIELDS.map((f) => f.name).sort()).toEqual(durations);
  });

  it('adds hours and minutes, and reads a blank as zero', () => {
    const values = { ...filledWith(DEFAULT_POLICY), 'blockTtlSeconds.hours': '1', 'blockTtlSeconds.minutes': '30' };
    expect(policyFromForm(formOf(values)).policy.blockTtlSeconds).toBe(5400);
    const blank = { ...values, 'blockTtlSeconds.hours': '', 'blockTtlSeconds.minutes': '45' };
    expect(policyFromForm(formOf(blank)).policy.blockTtlSeconds).toBe(2700);
  });

  it("says in the form's terms what is wrong with a value it cannot read", () => {
    const values = {
      ...filledWith(DEFAULT_POLICY),
      'blockTtlSeconds.hours': '1.5',
      'fixReleaseLimitSeconds.minutes': '75',
      warnAtPercent: 'most',
    };
    const { fieldErrors } = policyFromForm(formOf(values));
    expect(Object.keys(fieldErrors).sort()).toEqual(['blockTtlSeconds', 'fixReleaseLimitSeconds', 'warnAtFraction']);
  });
});

describe('durationParts and durationLimit', () => {
  it('splits seconds into hours, minutes and what is left', () => {
    expect(durationParts(2 * 3600 + 5 * 60 + 7)).toEqual({ hours: 2, minutes: 5, seconds: 7 });
  });

  it('names the longest value in days', () => {
    expect(durationLimit('bulletinTargetSeconds')).toBe('30 days');
    expect(durationLimit('monitoringCheckIntervalSeconds')).toBe('1 day');
  });
});

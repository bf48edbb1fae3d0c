import { Policy } from '@firebreak/domain';

type DurationField = {
  [K in keyof Policy]: K extends `${string}Seconds` ? K : never;
}[keyof Policy];

export interface DurationFieldDescription {
  name: DurationField;
  label: string;
  hint: string;
}

/** The policy's time targets, in the order the settings page shows them. */
export const DURATION_FIELDS: readonly DurationFieldDescription[] = [
  {
    name: 'containmentTargetSeconds',
    label: 'Containment: every deployment cut off within',
    hint: 'From the declaration of a compromise. On-call is warned before it runs out, however containment is stuck. 15 minutes.',
  },
  {
    name: 'bulletinTargetSeconds',
    label: 'Security bulletin: target',
    hint: 'From discovery of an exploitable vulnerability. Typically 2 hours.',
  },
  { name: 'bulletinLimitSeconds', label: 'Security bulletin: hard limit', hint: 'From discovery. At most 24 hours.' },
  { name: 'fixReleaseLimitSeconds', label: 'Fixed software released within', hint: 'From discovery. 24 hours.' },
  {
    name: 'backupInstanceTargetSeconds',
    label: 'Backup instance on new infrastructure within',
    hint: 'From the decision that it is safe. 24 hours.',
  },
  {
    name: 'maintenanceNoticeSeconds',
    label: 'Notice before a maintenance window',
    hint: 'How long before the proposed window customers are told.',
  },
  {
    name: 'deferralLimitSeconds',
    label: 'Longest maintenance deferral',
    hint: 'How far past the proposed window a single-tenant customer may defer.',
  },
  {
    name: 'updateTrainCadenceSeconds',
    label: 'Regular update train every',
    hint: 'Fixes of vulnerabilities that are not exploitable ship with it. 2 to 6 weeks.',
  },
  { name: 'blockTtlSeconds', label: 'Automatic block of a suspicious source lasts', hint: 'Unless an engineer decides to keep it.' },
  { name: 'monitoringCheckIntervalSeconds', label: 'Heightened monitoring checks every', hint: 'While both sides have not signed off.' },
  {
    name: 'reminderDelaySeconds',
    label: 'Remind of an unacknowledged notice after',
    hint: 'Sent to the contact again once; on-call is alerted after as long again.',
  },
  { name: 'linkTtlSeconds', label: 'Links in notices stay valid for', hint: 'The page where a contact acknowledges or responds. 14 days.' },
];

export interface DurationParts {
  hours: number;
  minutes: number;
  /** Left over below a minute; the form works in minutes and says when a value has seconds it cannot show. */
  seconds: number;
}

export function durationParts(totalSeconds: number): DurationParts {
  return {
    hours: Math.floor(totalSeconds / 3600),
    minutes: Math.floor((totalSeconds % 3600) / 60),
    seconds: totalSeconds % 60,
  };
}

/** The longest value a duration field accepts, in words: `30 days`. */
export function durationLimit(name: DurationField): string {
  const field = Policy.shape[name];
  // A field added after policies were first stored carries a default for them; its limit is the inner number's.
  const maxSeconds = ('unwrap' in field ? field.unwrap() : field).maxValue ?? 0;
  const days = maxSeconds / 86_400;
  return days >= 1 ? `${days} day${days === 1 ? '' : 's'}` : `${maxSeconds / 3600} hours`;
}

export interface PolicyFormInput {
  /** Raw form values keyed by field name: `<duration>.hours`, `<duration>.minutes`, `warnAtPercent`, `operationsEmail`. */
  get(name: string): string;
}

export interface ParsedPolicyForm {
  /** The candidate policy; numbers that could not be read are NaN and fail the policy's own validation. */
  policy: Record<keyof Policy, unknown>;
  /** Per field, what to fix in the form's own terms (hours, minutes, percent). */
  fieldErrors: Record<string, string>;
}

/** Reads the settings form into a candidate policy, with errors for values that are not whole numbers. */
export function policyFromForm(form: PolicyFormInput): ParsedPolicyForm {
  const fieldErrors: Record<string, string> = {};
  const policy: Record<string, unknown> = {};
  for (const { name } of DURATION_FIELDS) {
    const hours = wholeNumber(form.get(`${name}.hours`));
    const minutes = wholeNumber(form.get(`${name}.minutes`));
    if (hours === undefined || minutes === undefined || minutes > 59) {
      fieldErrors[name] = 'Give whole hours, and minutes from 0 to 59.';
      policy[name] = Number.NaN;
    } else {
      policy[name] = hours * 3600 + minutes * 60;
    }
  }
  const percent = wholeNumber(form.get('warnAtPercent'));
  if (percent === undefined) fieldErrors.warnAtFraction = 'Give a whole percentage, from 10 to 99.';
  policy.warnAtFraction = percent === undefined ? Number.NaN : percent / 100;
  policy.operationsEmail = form.get('operationsEmail').trim();
  return { policy: policy as Record<keyof Policy, unknown>, fieldErrors };
}

function wholeNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  return /^\d{1,7}$/.test(trimmed) ? Number(trimmed) : undefined;
}

import { FirebreakError } from '@firebreak/domain';
import { describe, expect, it } from 'vitest';
import { decisionRefusal } from './decision-refusal';

describe('decisionRefusal', () => {
  it.each([
    ['GATE_NOT_PENDING: backup-safe is not pending', 'GATE_NOT_PENDING', 409],
    ['ROLE_NOT_ALLOWED: contact may not decide backup-safe', 'ROLE_NOT_ALLOWED', 403],
    ['CHOICE_NOT_OFFERED: "maybe" is not one of yes, no', 'CHOICE_NOT_OFFERED', 400],
  ] as const)('maps "%s" to %s (HTTP %i) and keeps the detail in words', (message, code, status) => {
    const error = decisionRefusal(message);
    expect(error).toBeInstanceOf(FirebreakError);
    expect(error.code).toBe(code);
    expect(error.httpStatus).toBe(status);
    expect(error.message).toContain(message.slice(code.length + 2));
    expect(error.message).not.toContain(code);
  });

  it('points a choice the gate does not offer at the choice field', () => {
    expect(decisionRefusal('CHOICE_NOT_OFFERED: not one of yes, no').fieldErrors).toEqual([
      { path: 'choice', message: 'not one of yes, no' },
    ]);
  });

  it('answers an invalid decision as a validation failure with the problems per field', () => {
    const missing = decisionRefusal('DECISION_INVALID: give version, imageId');
    expect(missing.code).toBe('VALIDATION_FAILED');
    expect(missing.httpStatus).toBe(400);
    expect(missing.message).toContain('give version, imageId');
    expect(missing.fieldErrors.map((e) => e.path)).toEqual(['parameters.version', 'parameters.imageId']);
    const issues = decisionRefusal('DECISION_INVALID: reason: give a reason; actor.name: Too small');
    expect(issues.fieldErrors).toEqual([
      { path: 'reason', message: 'give a reason' },
      { path: 'actor.name', message: 'Too small' },
    ]);
  });

  it('reads a bare code as that refusal', () => {
    expect(decisionRefusal('GATE_NOT_PENDING').code).toBe('GATE_NOT_PENDING');
  });

  it('turns a zod error from the validator into field errors, without the argument index', () => {
    const zodMessage = JSON.stringify(
      [{ code: 'too_small', path: [0, 'reason'], message: 'give a reason' }, { code: 'custom', path: [], message: 'bad' }],
      null,
      2,
    );
    const error = decisionRefusal(zodMessage);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.httpStatus).toBe(400);
    expect(error.fieldErrors).toEqual([
      { path: 'reason', message: 'give a reason' },
      { path: 'body', message: 'bad' },
    ]);
  });

  it('answers a playbook without a decide handler as "not pending"', () => {
    expect(decisionRefusal('No registered handler for update: decide').code).toBe('GATE_NOT_PENDING');
  });

  it('answers anything else as a validation failure in the validator words', () => {
    const error = decisionRefusal('the monitoring has not started');
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain('the monitoring has not started');
    expect(decisionRefusal(undefined).code).toBe('VALIDATION_FAILED');
  });
});

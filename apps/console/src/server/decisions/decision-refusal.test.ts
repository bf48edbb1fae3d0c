import { FirebreakError } from '@firebreak/domain';
import { describe, expect, it } from 'vitest';

import type { UpdateRefusal } from '../temporal-errors';
import { decisionRefusal } from './decision-refusal';

function refused(type: Extract<UpdateRefusal, { kind: 'refused' }>['type'], message: string, fieldErrors = []): UpdateRefusal {
  return { kind: 'refused', type, message, fieldErrors };
}

describe('decisionRefusal', () => {
  it.each([
    ['GATE_NOT_PENDING', 'backup-safe is not pending', 409],
    ['ROLE_NOT_ALLOWED', 'only engineer may decide this', 403],
    ['CHOICE_NOT_OFFERED', 'choose one of yes, no', 400],
  ] as const)('answers a %s refusal with its code (HTTP %i) and keeps the detail in words', (type, detail, status) => {
    const error = decisionRefusal(refused(type, detail));
    expect(error).toBeInstanceOf(FirebreakError);
    expect(error.code).toBe(type);
    expect(error.httpStatus).toBe(status);
    expect(error.message).toContain(detail);
    expect(error.message).not.toContain(type);
  });

  it('keeps the fields to fix the validator gave', () => {
    const fieldErrors = [{ path: 'choice', message: 'choose one of yes, no' }];
    const error = decisionRefusal({ kind: 'refused', type: 'CHOICE_NOT_OFFERED', message: 'choose one of yes, no', fieldErrors });
    expect(error.fieldErrors).toEqual(fieldErrors);
  });

  it('answers an invalid decision as a validation failure with the problems per field', () => {
    const fieldErrors = [
      { path: 'parameters.version', message: 'give this value' },
      { path: 'parameters.imageId', message: 'give this value' },
    ];
    const error = decisionRefusal({ kind: 'refused', type: 'DECISION_INVALID', message: 'give version, imageId', fieldErrors });
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.httpStatus).toBe(400);
    expect(error.message).toContain('give version, imageId');
    expect(error.fieldErrors).toEqual(fieldErrors);
  });

  it('answers a registered refusal of another update with its own code and a plain lead', () => {
    const error = decisionRefusal(refused('CLOSE_REFUSED', 'the incident is running'));
    expect(error.code).toBe('INCIDENT_NOT_OPEN');
    expect(error.message).toBe('The playbook refused the decision. (the incident is running)');
  });

  it('answers a playbook without a decide handler as "not pending"', () => {
    const error = decisionRefusal({ kind: 'unhandled' });
    expect(error.code).toBe('GATE_NOT_PENDING');
    expect(error.message).toContain('does not take decisions');
  });

  it('answers anything else as a validation failure in the validator words, cut to length', () => {
    const error = decisionRefusal({ kind: 'unexpected', message: 'the monitoring has not started' });
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain('the monitoring has not started');
    expect(decisionRefusal({ kind: 'unexpected', message: 'x'.repeat(1000) }).message.length).toBeLessThan(400);
    expect(decisionRefusal({ kind: 'unexpected', message: '' }).message).toBe('The playbook refused the decision.');
  });
});

import { FirebreakError } from '@firebreak/domain';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { errorResponse } from './error-response';

describe('errorResponse', () => {
  afterEach(() => vi.restoreAllMocks());

  it('maps a FirebreakError to its status, code, message and field errors', async () => {
    const error = new FirebreakError('VALIDATION_FAILED', 'The incident declaration is not valid.', [
      { path: 'severity', message: 'Invalid option' },
    ]);
    const response = errorResponse(error, 'corr-1');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'The incident declaration is not valid.',
        fieldErrors: [{ path: 'severity', message: 'Invalid option' }],
        correlationId: 'corr-1',
      },
    });
  });

  it('leaves fieldErrors out when there are none', async () => {
    const body = (await errorResponse(new FirebreakError('NOT_FOUND', 'No incident.'), 'c').json()) as {
      error: Record<string, unknown>;
    };
    expect(body.error).not.toHaveProperty('fieldErrors');
  });

  it('challenges for a bearer token on 401', () => {
    const response = errorResponse(new FirebreakError('UNAUTHORIZED', 'no token'), 'c');
    expect(response.status).toBe(401);
    expect(response.headers.get('WWW-Authenticate')).toMatch(/^Bearer /);
  });

  it.each([
    ['IDEMPOTENCY_KEY_REUSED', 422],
    ['INCIDENT_NOT_OPEN', 409],
    ['ORCHESTRATOR_UNAVAILABLE', 503],
    ['PLAYBOOK_NOT_AVAILABLE', 400],
  ] as const)('answers %s with HTTP %i', (code, status) => {
    expect(errorResponse(new FirebreakError(code, 'x'), 'c').status).toBe(status);
  });

  it('hides anything else behind a generic 500 and logs it with the correlation id', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = errorResponse(new Error('SQLITE_CORRUPT at /secret/path'), 'corr-9');
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('SQLITE');
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'INTERNAL', correlationId: 'corr-9' } });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('corr-9'), expect.any(Error));
  });
});

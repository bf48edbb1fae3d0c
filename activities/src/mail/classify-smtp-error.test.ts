import { describe, expect, it } from 'vitest';

import { describeSmtpFailure, isPermanentSmtpFailure } from './classify-smtp-error';

describe('SMTP failure classification', () => {
  it('treats 5xx replies as permanent', () => {
    expect(isPermanentSmtpFailure({ responseCode: 550, response: '550 mailbox unavailable' })).toBe(true);
    expect(isPermanentSmtpFailure({ responseCode: 554 })).toBe(true);
  });

  it('retries 4xx replies and connection failures', () => {
    expect(isPermanentSmtpFailure({ responseCode: 421 })).toBe(false);
    expect(isPermanentSmtpFailure({ responseCode: 451 })).toBe(false);
    expect(isPermanentSmtpFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNECTION' }))).toBe(false);
    expect(isPermanentSmtpFailure(null)).toBe(false);
  });

  it('describes a failure by its reply, briefly', () => {
    expect(describeSmtpFailure({ responseCode: 550, response: '550 no such user' })).toBe('SMTP 550: 550 no such user');
    expect(describeSmtpFailure(Object.assign(new Error('x'.repeat(500)), { code: 'ETIMEDOUT' }))).toHaveLength('ETIMEDOUT: '.length + 200);
  });
});

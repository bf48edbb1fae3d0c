import { describe, expect, it } from 'vitest';

import { isPermanentAwsError } from './refused-requests';

const awsError = (name: string, httpStatusCode: number | undefined) =>
  Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode } });

describe('isPermanentAwsError', () => {
  it('is true for refusals no retry changes', () => {
    for (const name of ['UnauthorizedOperation', 'InvalidParameterValue', 'InvalidParameterCombination', 'UnsupportedOperation']) {
      expect(isPermanentAwsError(awsError(name, 400)), name).toBe(true);
    }
    expect(isPermanentAwsError(awsError('UnauthorizedOperation', 403))).toBe(true);
  });

  it('is false for throttling, 5xx, lost connections and resources still settling', () => {
    expect(isPermanentAwsError(awsError('RequestLimitExceeded', 503))).toBe(false);
    expect(isPermanentAwsError(awsError('Throttling', 400))).toBe(false);
    expect(isPermanentAwsError(awsError('InternalError', 500))).toBe(false);
    expect(isPermanentAwsError(awsError('ECONNRESET', undefined))).toBe(false);
    expect(isPermanentAwsError(awsError('InvalidNetworkInterfaceID.NotFound', 400))).toBe(false);
    expect(isPermanentAwsError(awsError('IncorrectInstanceState', 400))).toBe(false);
    expect(isPermanentAwsError(awsError('ResourceContention', 400))).toBe(false);
    expect(isPermanentAwsError('not an error')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';

import { parseEnv } from './env';

describe('parseEnv', () => {
  it('falls back to local defaults', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      temporalAddress: '127.0.0.1:7233',
      temporalNamespace: 'default',
      awsRegion: 'us-east-1',
      ec2Endpoint: undefined,
      sandbox: false,
    });
    expect(env.databasePath).toMatch(/\.data\/firebreak\.db$/);
  });

  it('marks the console as a sandbox when EC2 calls go to a local endpoint', () => {
    expect(parseEnv({ EC2_ENDPOINT: 'http://127.0.0.1:5001' }).sandbox).toBe(true);
    expect(parseEnv({ FIREBREAK_SANDBOX: '1' }).sandbox).toBe(true);
  });

  it('treats empty variables as unset and refuses malformed ones', () => {
    expect(parseEnv({ TEMPORAL_ADDRESS: '' }).temporalAddress).toBe('127.0.0.1:7233');
    expect(() => parseEnv({ TEMPORAL_ADDRESS: 'no port' })).toThrow(/TEMPORAL_ADDRESS/);
  });
});

import { homedir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { inheritedEnv, readStackEnv, StackEnvError, toolsDirFrom } from './env';

const ROOT = '/srv/firebreak';

describe('readStackEnv', () => {
  it('applies the documented defaults', () => {
    expect(readStackEnv({}, ROOT)).toEqual({
      dataDir: join(ROOT, '.data'),
      toolsDir: join(homedir(), '.cache', 'firebreak', 'tools'),
      temporalPort: 7233,
      temporalUiPort: 8233,
      temporalNamespace: 'default',
      motoPort: 5001,
      smtpPort: 1025,
      maildevWebPort: 1080,
      consolePort: 3000,
      mailFrom: 'Firebreak Security Operations <security-operations@firebreak.invalid>',
      apiToken: undefined,
      linkSecret: undefined,
      adminPassword: undefined,
      adminUsername: 'admin',
    });
  });

  it('takes every value from the environment', () => {
    const env = readStackEnv(
      {
        FIREBREAK_DATA_DIR: '/var/lib/firebreak',
        FIREBREAK_TOOLS_DIR: '/opt/tools',
        TEMPORAL_PORT: '17233',
        TEMPORAL_UI_PORT: '18233',
        TEMPORAL_NAMESPACE: 'firebreak-dev',
        MOTO_PORT: '15001',
        SMTP_PORT: '11025',
        MAILDEV_WEB_PORT: '11080',
        CONSOLE_PORT: '13000',
        MAIL_FROM: 'soc@example.com',
        FIREBREAK_API_TOKEN: 'x'.repeat(32),
      },
      ROOT,
    );
    expect(env).toMatchObject({
      dataDir: '/var/lib/firebreak',
      toolsDir: '/opt/tools',
      temporalPort: 17233,
      temporalUiPort: 18233,
      temporalNamespace: 'firebreak-dev',
      motoPort: 15001,
      smtpPort: 11025,
      maildevWebPort: 11080,
      consolePort: 13000,
      mailFrom: 'soc@example.com',
      apiToken: 'x'.repeat(32),
    });
  });

  it('resolves a relative data directory against the repository, and treats empty values as unset', () => {
    const env = readStackEnv({ FIREBREAK_DATA_DIR: 'tmp/data', TEMPORAL_PORT: '', FIREBREAK_API_TOKEN: '  ' }, ROOT);
    expect(env.dataDir).toBe(join(ROOT, 'tmp', 'data'));
    expect(env.temporalPort).toBe(7233);
    expect(env.apiToken).toBeUndefined();
  });

  it.each([
    ['TEMPORAL_PORT', 'seven'],
    ['CONSOLE_PORT', '0'],
    ['MOTO_PORT', '70000'],
    ['SMTP_PORT', '25.5'],
  ])('rejects %s=%s with a message naming the variable', (name, value) => {
    expect(() => readStackEnv({ [name]: value }, ROOT)).toThrow(StackEnvError);
    expect(() => readStackEnv({ [name]: value }, ROOT)).toThrow(`${name}: expected a TCP port number between 1 and 65535`);
  });

  it('rejects two services on one port', () => {
    expect(() => readStackEnv({ CONSOLE_PORT: '5001' }, ROOT)).toThrow(/MOTO_PORT=5001, CONSOLE_PORT=5001/);
  });

  it('rejects a bad namespace and a bad sender address', () => {
    expect(() => readStackEnv({ TEMPORAL_NAMESPACE: 'has spaces' }, ROOT)).toThrow(/TEMPORAL_NAMESPACE/);
    expect(() => readStackEnv({ MAIL_FROM: 'Firebreak <not-an-address>' }, ROOT)).toThrow(/MAIL_FROM/);
    expect(readStackEnv({ MAIL_FROM: 'SOC <soc@example.com>' }, ROOT).mailFrom).toBe('SOC <soc@example.com>');
  });

  it('rejects a short API token without echoing it', () => {
    const secret = 'short-secret';
    let message = '';
    try {
      readStackEnv({ FIREBREAK_API_TOKEN: secret }, ROOT);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('FIREBREAK_API_TOKEN: must be at least 24 characters long');
    expect(message).not.toContain(secret);
  });
});

describe('toolsDirFrom', () => {
  it('defaults to a per-user cache outside the clone, overridable', () => {
    expect(toolsDirFrom({})).toBe(join(homedir(), '.cache', 'firebreak', 'tools'));
    expect(toolsDirFrom({ FIREBREAK_TOOLS_DIR: '/opt/tools' })).toBe('/opt/tools');
  });
});

describe('inheritedEnv', () => {
  it('passes the environment on, except the API token and the first administrator’s password', () => {
    expect(inheritedEnv({ PATH: '/usr/bin', FIREBREAK_API_TOKEN: 'secret', FIREBREAK_ADMIN_PASSWORD: 'secret', UNSET: undefined })).toEqual(
      {
        PATH: '/usr/bin',
      },
    );
  });
});

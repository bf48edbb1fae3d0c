import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { ensureLinkSecret } from './ensure-link-secret';

describe('ensureLinkSecret', () => {
  it('generates a secret once, readable by its owner only, and keeps it across restarts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'link-secret-'));
    const first = ensureLinkSecret(dir, undefined);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(ensureLinkSecret(dir, undefined)).toBe(first);
    expect(readFileSync(join(dir, 'link-secret'), 'utf8').trim()).toBe(first);
    expect(statSync(join(dir, 'link-secret')).mode & 0o077).toBe(0);
  });

  it('prefers FIREBREAK_LINK_SECRET when it is set', () => {
    const dir = mkdtempSync(join(tmpdir(), 'link-secret-'));
    expect(ensureLinkSecret(dir, 'x'.repeat(40))).toBe('x'.repeat(40));
  });
});

import { findUserCredentials, verifyPassword } from '@firebreak/accounts';
import { type FirebreakDb, listAuditEntries, migrateToLatest, openDatabase } from '@firebreak/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { AdministratorPasswordRejectedError, provisionAdministrator } from './provision-administrator';

let db: FirebreakDb;
beforeEach(async () => {
  db = openDatabase(':memory:');
  await migrateToLatest(db);
});
afterEach(() => db.destroy());

describe('provisionAdministrator', () => {
  it('creates the first administrator with a generated password shown once, then never again', async () => {
    const first = await provisionAdministrator(db, { username: 'admin', password: undefined });
    expect(first).toMatchObject({ kind: 'created', username: 'admin' });
    const password = first.kind === 'created' ? first.password : '';
    const stored = await findUserCredentials(db, 'admin');
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored!.passwordHash!, password)).toBe(true);
    expect(await provisionAdministrator(db, { username: 'admin', password: undefined })).toEqual({ kind: 'existing' });
    const audit = await listAuditEntries(db, { limit: 10 });
    expect(audit.map((e) => e.eventType)).toEqual(['user.created']);
    expect(JSON.stringify(audit)).not.toContain(password);
  });

  it('takes the operator’s password when it passes the policy, and names the rule (not the value) when it does not', async () => {
    await expect(provisionAdministrator(db, { username: 'admin', password: 'password1234' })).rejects.toThrow(
      AdministratorPasswordRejectedError,
    );
    await expect(provisionAdministrator(db, { username: 'admin', password: 'password1234' })).rejects.not.toThrow(/password1234/);
    expect(await provisionAdministrator(db, { username: 'root', password: 'violet tram crosses seven bridges' })).toEqual({
      kind: 'from-environment',
      username: 'root',
    });
  });
});

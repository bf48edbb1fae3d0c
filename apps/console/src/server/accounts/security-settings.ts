import { currentSecuritySettings, saveSecuritySettings } from '@firebreak/accounts';
import { FirebreakError, SecuritySettings } from '@firebreak/domain';

import { toFieldErrors } from '../api/field-errors';
import { recordAudit } from '../audit/record-audit';
import { assertPermitted } from '../auth/permissions';
import type { Caller } from '../auth/require-actor';
import { getDatabase } from '../database';

/** Public on purpose: the sign-in page shows the banner before anyone is known. */
export async function getSignInBanner(): Promise<string> {
  return (await currentSecuritySettings(await getDatabase())).signInBanner;
}

export async function getSecuritySettings(caller: Caller): Promise<SecuritySettings> {
  assertPermitted(caller.role, 'security-settings:manage');
  return currentSecuritySettings(await getDatabase());
}

/** Password and lockout rules, session length and the sign-in banner: administrators only, every change audited. */
export async function updateSecuritySettings(caller: Caller, body: unknown): Promise<SecuritySettings> {
  assertPermitted(caller.role, 'security-settings:manage');
  const parsed = SecuritySettings.safeParse(body);
  if (!parsed.success) throw new FirebreakError('VALIDATION_FAILED', 'The settings are not valid.', toFieldErrors(parsed.error));
  const db = await getDatabase();
  const before = await currentSecuritySettings(db);
  const version = await saveSecuritySettings(db, parsed.data, caller.actor);
  await recordAudit({
    severity: 'notice',
    eventType: 'security-settings.changed',
    actor: caller.actor,
    sourceAddress: caller.sourceAddress,
    details: { version, before, after: parsed.data },
  });
  return parsed.data;
}

import type { FirebreakDb } from '@firebreak/db';
import { type Actor, DEFAULT_SECURITY_SETTINGS, SecuritySettings } from '@firebreak/domain';

export async function currentSecuritySettings(db: FirebreakDb): Promise<SecuritySettings> {
  const row = await db.selectFrom('security_settings_versions').select('settings').orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row ? SecuritySettings.parse(JSON.parse(row.settings)) : DEFAULT_SECURITY_SETTINGS;
}

/** Every change is a new version; earlier ones stay for the record. */
export async function saveSecuritySettings(db: FirebreakDb, settings: SecuritySettings, changedBy: Actor): Promise<number> {
  const parsed = SecuritySettings.parse(settings);
  const row = await db
    .insertInto('security_settings_versions')
    .values({ settings: JSON.stringify(parsed), changed_by: JSON.stringify(changedBy), changed_at: new Date().toISOString() })
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

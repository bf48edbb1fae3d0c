import { findCustomerNames as queryCustomerNames } from '@firebreak/db';

import { assertPermitted } from '../auth/permissions';
import type { Caller } from '../auth/require-actor';
import { getDatabase } from '../database';

/** Names of an incident's customers, for whoever may read the incident. */
export async function findCustomerNames(caller: Caller, ids: readonly string[]): Promise<Map<string, string>> {
  assertPermitted(caller.role, 'incidents:read');
  return queryCustomerNames(await getDatabase(), ids);
}

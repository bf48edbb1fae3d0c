import { listCustomers as queryCustomers } from '@firebreak/db';

import { assertPermitted } from '../auth/permissions';
import type { Caller } from '../auth/require-actor';
import { getDatabase } from '../database';

/**
 * Every customer's id and name, for whoever may read incidents (the incident list filters by customer). Contacts
 * stay behind the directory's own permission.
 */
export async function listCustomerNames(caller: Caller): Promise<Map<string, string>> {
  assertPermitted(caller.role, 'incidents:read');
  return new Map((await queryCustomers(await getDatabase())).map((c) => [c.id, c.name]));
}

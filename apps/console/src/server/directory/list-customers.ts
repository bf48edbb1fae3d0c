import { listCustomers as queryCustomers } from '@firebreak/db';
import type { Customer } from '@firebreak/domain';

import { assertPermitted } from '../auth/permissions';
import type { Caller } from '../auth/require-actor';
import { getDatabase } from '../database';

/** Every customer with its contacts, for whoever may read the directory. */
export async function listCustomers(caller: Caller): Promise<Customer[]> {
  assertPermitted(caller.role, 'directory:read');
  return queryCustomers(await getDatabase());
}

import { listCustomers as queryCustomers } from '@firebreak/db';
import type { Customer } from '@firebreak/domain';

import { getDatabase } from '../database';

export async function listCustomers(): Promise<Customer[]> {
  return queryCustomers(await getDatabase());
}

import {
  type CustomerNoticeRecord,
  type CustomerSummary,
  findCustomerSummary,
  listCustomerNotices as queryCustomerNotices,
} from '@firebreak/db';
import { CustomerId, FirebreakError } from '@firebreak/domain';

import { assertPermitted } from '../auth/permissions';
import type { Caller } from '../auth/require-actor';
import { getDatabase } from '../database';

export interface CustomerNotices {
  customer: CustomerSummary;
  /** Per contact (by name), newest first; retired contacts keep what they were sent. */
  notices: CustomerNoticeRecord[];
}

/** Every notice a customer's contacts received, across incidents. Whoever may read incidents may read this. */
export async function listCustomerNotices(caller: Caller, customerId: string): Promise<CustomerNotices> {
  assertPermitted(caller.role, 'incidents:read');
  const db = await getDatabase();
  const customer = CustomerId.safeParse(customerId).success ? await findCustomerSummary(db, customerId) : undefined;
  if (!customer) throw new FirebreakError('NOT_FOUND', `No customer with id ${JSON.stringify(customerId.slice(0, 100))}.`);
  return { customer, notices: await queryCustomerNotices(db, customer.id) };
}

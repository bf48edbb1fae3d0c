import { listUsers, type User } from '@firebreak/accounts';

import { assertPermitted } from '../auth/permissions';
import type { Caller } from '../auth/require-actor';
import { getDatabase } from '../database';

export async function listUserAccounts(caller: Caller): Promise<User[]> {
  assertPermitted(caller.role, 'users:manage');
  return listUsers(await getDatabase());
}

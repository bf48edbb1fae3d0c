import { DataTable } from '@/components/data-table';
import { UtcTime } from '@/components/utc-time';
import { listUserAccounts } from '@/server/accounts/list-user-accounts';
import { requirePageActor } from '@/server/auth/require-page-actor';

import { NewUserForm, UserRowForm } from './user-forms';

export const metadata = { title: 'Users' };

export default async function UsersPage() {
  const caller = await requirePageActor('users:manage');
  const users = await listUserAccounts(caller);
  return (
    <>
      <h1>Users</h1>
      <p className="lead">Disabling an account ends its sessions at once. There is always at least one enabled administrator.</p>
      <DataTable
        rows={users}
        rowKey={(user) => user.id}
        columns={[
          { header: 'User name', cell: (user) => user.username, className: 'mono' },
          { header: 'Name', cell: (user) => user.displayName },
          {
            header: 'Password changed',
            cell: (user) => (user.passwordChangedAt === null ? 'none: single sign-on' : <UtcTime iso={user.passwordChangedAt} />),
          },
          { header: 'Role and status', cell: (user) => <UserRowForm user={user} /> },
        ]}
      />
      <h2>New account</h2>
      <NewUserForm />
    </>
  );
}

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
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">User name</th>
              <th scope="col">Name</th>
              <th scope="col">Password changed</th>
              <th scope="col">Role and status</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <td className="mono">{user.username}</td>
                <td>{user.displayName}</td>
                <td>{user.passwordChangedAt === null ? 'none: single sign-on' : <UtcTime iso={user.passwordChangedAt} />}</td>
                <td>
                  <UserRowForm user={user} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>New account</h2>
      <NewUserForm />
    </>
  );
}

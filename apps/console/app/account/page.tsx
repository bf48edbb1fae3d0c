import { currentSecuritySettings, findUserPasswordHash } from '@firebreak/accounts';

import { requireSignedIn } from '@/server/auth/require-page-actor';
import { getDatabase } from '@/server/database';

import { PasswordForm } from './password-form';

export const metadata = { title: 'Your account' };

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requireSignedIn();
  const db = await getDatabase();
  const { password } = await currentSecuritySettings(db);
  const hasPassword = caller.userId !== undefined && (await findUserPasswordHash(db, caller.userId)) !== undefined;
  const expired = caller.passwordExpired === true || (await searchParams).expired !== undefined;
  const hint =
    password.mode === 'classic'
      ? `At least ${password.minLength} characters, with lower- and upper-case letters, digits and symbols; not a known breached password. It expires after ${password.expiryDays} days.`
      : `At least ${password.minLength} characters; a few unrelated words make a good one. Known breached passwords are refused.`;
  return (
    <>
      <h1>Your account</h1>
      <p className="lead">
        Signed in as <strong>{caller.actor.name}</strong> ({caller.role}).
      </p>
      {expired && (
        <p className="form-error" role="alert">
          Your password has expired under the password policy. Choose a new one.
        </p>
      )}
      {hasPassword ? (
        <>
          <h2>Change your password</h2>
          <PasswordForm hint={hint} />
        </>
      ) : (
        <p>You sign in through single sign-on: there is no password to change here.</p>
      )}
    </>
  );
}

import { redirect } from 'next/navigation';

import { getEnv } from '@/env';
import { getSignInBanner } from '@/server/accounts/security-settings';
import { currentCaller } from '@/server/auth/require-page-actor';
import { SIGN_IN_REFUSED } from '@/server/auth/sign-in';

export const metadata = { title: 'Sign in' };

/** Says as little as the password answer: whether the account exists or has a role is for an administrator to see. */
const SINGLE_SIGN_ON_REFUSED =
  'Single sign-on did not complete. Try again; if it keeps failing, ask an administrator whether your account has access.';

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await currentCaller()) redirect('/');
  const [params, banner] = await Promise.all([searchParams, getSignInBanner()]);
  const oidc = getEnv().oidc;
  return (
    <div className="sign-in">
      <p className="sign-in-banner" role="note">
        {banner}
      </p>
      <h1>Sign in</h1>
      {params.failed !== undefined && (
        <p className="form-error" role="alert">
          {params.failed === 'sso' ? SINGLE_SIGN_ON_REFUSED : SIGN_IN_REFUSED}
        </p>
      )}
      {params['signed-out'] !== undefined && <p role="status">You are signed out.</p>}
      <form className="form" method="post" action="/auth/sign-in">
        <div className="field">
          <label htmlFor="username">User name</label>
          <input id="username" name="username" type="text" autoComplete="username" required maxLength={200} autoFocus />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required maxLength={1024} />
        </div>
        <button type="submit">Sign in</button>
      </form>
      {oidc && (
        <p className="sign-in-alternative">
          {/* A plain link: the provider's page is a top-level navigation, and no script is needed. */}
          <a className="button" href="/auth/oidc/start">
            Sign in with {oidc.providerName}
          </a>
        </p>
      )}
    </div>
  );
}

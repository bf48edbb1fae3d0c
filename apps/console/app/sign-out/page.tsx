export const metadata = { title: 'Sign out' };

/** Signing out changes state, so it is a POST from this page, never a link someone else could trigger. */
export default function SignOutPage() {
  return (
    <>
      <h1>Sign out</h1>
      <form className="form" method="post" action="/auth/sign-out">
        <p>Your session ends on the server at once; signing in again starts a new one.</p>
        <button type="submit">Sign out</button>
      </form>
    </>
  );
}

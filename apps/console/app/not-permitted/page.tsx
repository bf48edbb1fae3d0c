import Link from 'next/link';

export const metadata = { title: 'Not permitted' };

export default function NotPermittedPage() {
  return (
    <>
      <h1>Not permitted</h1>
      <p>Your role does not give access to that page. Ask an administrator if you need it.</p>
      <p>
        <Link href="/">Back to incidents</Link>
      </p>
    </>
  );
}

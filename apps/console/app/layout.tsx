import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { NavLink } from '@/components/nav-link';
import { getEnv } from '@/env';
import './globals.css';

// Every page shows live incident state and the runtime configuration: nothing is rendered at build time.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'Firebreak', template: '%s · Firebreak' },
  description: 'Security-incident playbooks for the transfer service',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  const { sandbox } = getEnv();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {sandbox && (
          <div className="sandbox-banner" role="note">
            <strong>SANDBOX</strong> EC2 changes go to the local emulator, not to AWS.
          </div>
        )}
        <header className="site-header">
          <Link className="brand" href="/">
            Firebreak
          </Link>
          <nav aria-label="Main">
            <ul>
              <li>
                <NavLink href="/">Incidents</NavLink>
              </li>
              <li>
                <NavLink href="/incidents/new">Declare incident</NavLink>
              </li>
              <li>
                <NavLink href="/directory">Directory</NavLink>
              </li>
              <li>
                <NavLink href="/settings/policy">Policy</NavLink>
              </li>
            </ul>
          </nav>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}

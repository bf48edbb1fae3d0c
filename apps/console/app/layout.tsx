import './globals.css';

import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';

import { NavLink } from '@/components/nav-link';
import { getEnv } from '@/env';
import { can } from '@/server/auth/permissions';
import { currentCaller } from '@/server/auth/require-page-actor';

// Every page shows live incident state and the runtime configuration: nothing is rendered at build time.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'Firebreak', template: '%s · Firebreak' },
  description: 'Security-incident playbooks for the transfer service',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { sandbox } = getEnv();
  const caller = await currentCaller();
  const role = caller?.role;
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
          {caller && role && (
            <nav aria-label="Main">
              <ul>
                <li>
                  <NavLink href="/">Incidents</NavLink>
                </li>
                {can(role, 'incidents:declare') && (
                  <li>
                    <NavLink href="/incidents/new">Declare incident</NavLink>
                  </li>
                )}
                {can(role, 'directory:read') && (
                  <li>
                    <NavLink href="/directory">Directory</NavLink>
                  </li>
                )}
                {can(role, 'reports:export') && (
                  <li>
                    <NavLink href="/reports">Reports</NavLink>
                  </li>
                )}
                {can(role, 'policy:read') && (
                  <li>
                    <NavLink href="/settings/policy">Policy</NavLink>
                  </li>
                )}
                {can(role, 'users:manage') && (
                  <li>
                    <NavLink href="/admin/users">Users</NavLink>
                  </li>
                )}
                {can(role, 'security-settings:manage') && (
                  <li>
                    <NavLink href="/admin/security">Access policy</NavLink>
                  </li>
                )}
                {can(role, 'audit:read') && (
                  <li>
                    <NavLink href="/admin/audit">Audit log</NavLink>
                  </li>
                )}
                <li>
                  <NavLink href="/account">{caller.actor.name}</NavLink>
                </li>
                <li>
                  <form method="post" action="/auth/sign-out" className="sign-out-form">
                    <button type="submit" className="link-button">
                      Sign out
                    </button>
                  </form>
                </li>
              </ul>
            </nav>
          )}
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}

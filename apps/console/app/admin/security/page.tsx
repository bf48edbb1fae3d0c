import { getSecuritySettings } from '@/server/accounts/security-settings';
import { requirePageActor } from '@/server/auth/require-page-actor';

import { SecurityForm } from './security-form';

export const metadata = { title: 'Access policy' };

export default async function SecurityPage() {
  const caller = await requirePageActor('security-settings:manage');
  const settings = await getSecuritySettings(caller);
  return (
    <>
      <h1>Access policy</h1>
      <SecurityForm settings={settings} />
    </>
  );
}

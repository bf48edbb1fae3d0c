import { requirePageActor } from '@/server/auth/require-page-actor';
import { exportDirectory } from '@/server/directory/save-directory';

import { DirectoryEditor } from './directory-editor';

export const metadata = { title: 'Edit directory' };

/**
 * Administrators edit customers, contacts and deployments as one YAML document (the same as
 * GET/PUT /api/v1/directory.yaml). Contacts left out are retired; what was sent to them stays on record.
 */
export default async function EditDirectoryPage() {
  const caller = await requirePageActor('directory:write');
  return (
    <>
      <h1>Edit directory</h1>
      <p className="muted">Customers and deployments left out of the document are kept; contacts left out of a customer are retired.</p>
      <DirectoryEditor yaml={await exportDirectory({ caller, channel: 'console' })} />
    </>
  );
}

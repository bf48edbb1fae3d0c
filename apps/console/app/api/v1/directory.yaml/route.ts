import { FirebreakError } from '@firebreak/domain';

import { jsonResponse } from '@/server/api/json-response';
import { requireRouteCaller } from '@/server/api/require-route-caller';
import { respond } from '@/server/api/respond';
import { exportDirectoryRoute } from '@/server/api/routes/export-directory';
import { importDirectoryRoute } from '@/server/api/routes/import-directory';
import { exportDirectory, importDirectory } from '@/server/directory/save-directory';

export const dynamic = 'force-dynamic';

/** Far above any real directory; bigger documents are refused before parsing. */
const MAX_YAML_BYTES = 1024 * 1024;

/** The whole directory as YAML, to edit and import again. */
export async function GET(request: Request): Promise<Response> {
  return respond(async () => {
    const caller = await requireRouteCaller(request, exportDirectoryRoute);
    return new Response(await exportDirectory({ caller, channel: 'api' }), {
      status: 200,
      headers: { 'Content-Type': 'application/yaml; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  });
}

/** Imports a directory document; every problem is reported with its line, and nothing is saved unless all is valid. */
export async function PUT(request: Request): Promise<Response> {
  return respond(async () => {
    const caller = await requireRouteCaller(request, importDirectoryRoute);
    const text = await request.text();
    if (Buffer.byteLength(text, 'utf8') > MAX_YAML_BYTES) {
      throw new FirebreakError('VALIDATION_FAILED', `The document is larger than ${MAX_YAML_BYTES / 1024} KiB.`);
    }
    return jsonResponse(200, { imported: await importDirectory({ caller, channel: 'api' }, text) });
  });
}

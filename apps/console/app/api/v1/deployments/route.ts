import { requireActor } from '../../../../src/server/auth/require-actor';
import { jsonResponse } from '../../../../src/server/api/json-response';
import { respond } from '../../../../src/server/api/respond';
import { listDeployments } from '../../../../src/server/directory/list-deployments';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  return respond(async () => {
    await requireActor(request, 'directory:read');
    return jsonResponse(200, { deployments: await listDeployments() });
  });
}

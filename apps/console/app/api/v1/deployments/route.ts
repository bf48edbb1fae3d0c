import { jsonResponse } from '@/server/api/json-response';
import { respond } from '@/server/api/respond';
import { requireActor } from '@/server/auth/require-actor';
import { listDeployments } from '@/server/directory/list-deployments';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  return respond(async () => {
    await requireActor(request, 'directory:read');
    return jsonResponse(200, { deployments: await listDeployments() });
  });
}

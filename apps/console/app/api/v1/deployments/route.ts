import { jsonResponse } from '@/server/api/json-response';
import { requireRouteCaller } from '@/server/api/require-route-caller';
import { respond } from '@/server/api/respond';
import { listDeploymentsRoute } from '@/server/api/routes/list-deployments';
import { listDeployments } from '@/server/directory/list-deployments';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  return respond(async () => {
    const caller = await requireRouteCaller(request, listDeploymentsRoute);
    return jsonResponse(200, { deployments: await listDeployments(caller) });
  });
}

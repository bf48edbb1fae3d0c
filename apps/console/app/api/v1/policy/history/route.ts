import { jsonResponse } from '@/server/api/json-response';
import { requireRouteCaller } from '@/server/api/require-route-caller';
import { respond } from '@/server/api/respond';
import { listPolicyVersionsRoute } from '@/server/api/routes/list-policy-versions';
import { listPolicyHistory } from '@/server/policy/list-policy-history';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  return respond(async () => {
    const caller = await requireRouteCaller(request, listPolicyVersionsRoute);
    return jsonResponse(200, { versions: await listPolicyHistory(caller) });
  });
}

import { jsonResponse } from '@/server/api/json-response';
import { readJsonBody } from '@/server/api/read-json-body';
import { requireRouteCaller } from '@/server/api/require-route-caller';
import { respond } from '@/server/api/respond';
import { getPolicyRoute } from '@/server/api/routes/get-policy';
import { updatePolicyRoute } from '@/server/api/routes/update-policy';
import { getPolicy } from '@/server/policy/get-policy';
import { updatePolicy } from '@/server/policy/update-policy';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  return respond(async () => {
    const caller = await requireRouteCaller(request, getPolicyRoute);
    return jsonResponse(200, await getPolicy(caller));
  });
}

export async function PUT(request: Request): Promise<Response> {
  return respond(async () => {
    const caller = await requireRouteCaller(request, updatePolicyRoute);
    const body = await readJsonBody(request);
    return jsonResponse(200, await updatePolicy(caller, body));
  });
}

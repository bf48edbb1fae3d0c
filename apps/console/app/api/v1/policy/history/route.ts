import { requireActor } from '../../../../../src/server/auth/require-actor';
import { jsonResponse } from '../../../../../src/server/api/json-response';
import { respond } from '../../../../../src/server/api/respond';
import { listPolicyHistory } from '../../../../../src/server/policy/list-policy-history';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  return respond(async () => {
    await requireActor(request, 'policy:read');
    return jsonResponse(200, { versions: await listPolicyHistory() });
  });
}

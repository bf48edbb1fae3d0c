import { jsonResponse } from '@/server/api/json-response';
import { respond } from '@/server/api/respond';
import { requireActor } from '@/server/auth/require-actor';
import { listPolicyHistory } from '@/server/policy/list-policy-history';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  return respond(async () => {
    await requireActor(request, 'policy:read');
    return jsonResponse(200, { versions: await listPolicyHistory() });
  });
}

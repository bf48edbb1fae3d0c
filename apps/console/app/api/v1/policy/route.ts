import { jsonResponse } from '@/server/api/json-response';
import { readJsonBody } from '@/server/api/read-json-body';
import { respond } from '@/server/api/respond';
import { requireActor } from '@/server/auth/require-actor';
import { getPolicy } from '@/server/policy/get-policy';
import { updatePolicy } from '@/server/policy/update-policy';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  return respond(async () => {
    await requireActor(request, 'policy:read');
    return jsonResponse(200, await getPolicy());
  });
}

export async function PUT(request: Request): Promise<Response> {
  return respond(async () => {
    const { actor, role } = await requireActor(request, 'policy:write');
    const body = await readJsonBody(request);
    return jsonResponse(200, await updatePolicy({ body, actor, role }));
  });
}

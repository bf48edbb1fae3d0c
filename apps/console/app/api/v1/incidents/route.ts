import { readIdempotencyKey } from '@/server/api/idempotency-key';
import { jsonResponse } from '@/server/api/json-response';
import { readJsonBody } from '@/server/api/read-json-body';
import { respond } from '@/server/api/respond';
import { requireActor } from '@/server/auth/require-actor';
import { declareIncident } from '@/server/incidents/declare-incident';
import { listIncidents } from '@/server/incidents/list-incidents';

export const dynamic = 'force-dynamic';

export async function POST(request: Request): Promise<Response> {
  return respond(async () => {
    const { actor, role } = await requireActor(request, 'incidents:declare');
    const idempotencyKey = readIdempotencyKey(request);
    const body = await readJsonBody(request);
    const { incident, created } = await declareIncident({ request: body, idempotencyKey, actor, role });
    return jsonResponse(created ? 201 : 200, incident, {
      Location: `/api/v1/incidents/${incident.id}`,
      ...(created ? {} : { 'Idempotent-Replayed': 'true' }),
    });
  });
}

export async function GET(request: Request): Promise<Response> {
  return respond(async () => {
    await requireActor(request, 'incidents:read');
    const params = new URL(request.url).searchParams;
    const page = await listIncidents({
      limit: params.get('limit') ?? undefined,
      before: params.get('before') ?? undefined,
    });
    return jsonResponse(200, page);
  });
}

import { readIdempotencyKey } from '@/server/api/idempotency-key';
import { jsonResponse } from '@/server/api/json-response';
import { readJsonBody } from '@/server/api/read-json-body';
import { requireRouteCaller } from '@/server/api/require-route-caller';
import { respond } from '@/server/api/respond';
import { declareIncidentRoute } from '@/server/api/routes/declare-incident';
import { listIncidentsRoute } from '@/server/api/routes/list-incidents';
import { declareIncident } from '@/server/incidents/declare-incident';
import { listIncidents } from '@/server/incidents/list-incidents';

export const dynamic = 'force-dynamic';

export async function POST(request: Request): Promise<Response> {
  return respond(async () => {
    const caller = await requireRouteCaller(request, declareIncidentRoute);
    const idempotencyKey = readIdempotencyKey(request);
    const body = await readJsonBody(request);
    const { incident, created } = await declareIncident(caller, { request: body, idempotencyKey });
    return jsonResponse(created ? 201 : 200, incident, {
      Location: `/api/v1/incidents/${incident.id}`,
      ...(created ? {} : { 'Idempotent-Replayed': 'true' }),
    });
  });
}

export async function GET(request: Request): Promise<Response> {
  return respond(async () => {
    const caller = await requireRouteCaller(request, listIncidentsRoute);
    const params = new URL(request.url).searchParams;
    const page = await listIncidents(caller, {
      limit: params.get('limit') ?? undefined,
      before: params.get('before') ?? undefined,
    });
    return jsonResponse(200, page);
  });
}

import { jsonResponse } from '@/server/api/json-response';
import { readJsonBody } from '@/server/api/read-json-body';
import { requireRouteCaller } from '@/server/api/require-route-caller';
import { respond } from '@/server/api/respond';
import { closeIncidentRoute } from '@/server/api/routes/close-incident';
import { closeIncident } from '@/server/incidents/close-incident';

export const dynamic = 'force-dynamic';

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return respond(async () => {
    const caller = await requireRouteCaller(request, closeIncidentRoute);
    const { id } = await params;
    const body = await readJsonBody(request);
    const reason = typeof body === 'object' && body !== null && 'reason' in body ? body.reason : undefined;
    return jsonResponse(200, await closeIncident(caller, { id, reason }));
  });
}

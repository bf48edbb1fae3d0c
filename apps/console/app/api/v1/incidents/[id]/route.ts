import { jsonResponse } from '@/server/api/json-response';
import { requireRouteCaller } from '@/server/api/require-route-caller';
import { respond } from '@/server/api/respond';
import { getIncidentRoute } from '@/server/api/routes/get-incident';
import { getIncidentDetail } from '@/server/incidents/get-incident-detail';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return respond(async () => {
    const caller = await requireRouteCaller(request, getIncidentRoute);
    const { id } = await params;
    return jsonResponse(200, await getIncidentDetail(caller, id));
  });
}

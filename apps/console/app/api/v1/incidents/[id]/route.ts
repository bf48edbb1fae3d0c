import { requireActor } from '../../../../../src/server/auth/require-actor';
import { jsonResponse } from '../../../../../src/server/api/json-response';
import { respond } from '../../../../../src/server/api/respond';
import { getIncidentDetail } from '../../../../../src/server/incidents/get-incident-detail';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return respond(async () => {
    await requireActor(request, 'incidents:read');
    const { id } = await params;
    return jsonResponse(200, await getIncidentDetail(id));
  });
}

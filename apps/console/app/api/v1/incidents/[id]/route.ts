import { authenticateRequest } from '../../../../../src/server/api/authenticate-request';
import { jsonResponse } from '../../../../../src/server/api/json-response';
import { respond } from '../../../../../src/server/api/respond';
import { getIncidentDetail } from '../../../../../src/server/incidents/get-incident-detail';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return respond(async () => {
    await authenticateRequest(request);
    const { id } = await params;
    return jsonResponse(200, await getIncidentDetail(id));
  });
}

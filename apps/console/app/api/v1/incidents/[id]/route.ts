import { jsonResponse } from '@/server/api/json-response';
import { respond } from '@/server/api/respond';
import { requireActor } from '@/server/auth/require-actor';
import { getIncidentDetail } from '@/server/incidents/get-incident-detail';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return respond(async () => {
    await requireActor(request, 'incidents:read');
    const { id } = await params;
    return jsonResponse(200, await getIncidentDetail(id));
  });
}

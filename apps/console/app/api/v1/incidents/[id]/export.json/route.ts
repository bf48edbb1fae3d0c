import { jsonResponse } from '../../../../../../src/server/api/json-response';
import { respond } from '../../../../../../src/server/api/respond';
import { requireActor } from '../../../../../../src/server/auth/require-actor';
import { buildIncidentExport } from '../../../../../../src/server/reports/build-incident-export';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return respond(async () => {
    await requireActor(request, 'reports:export');
    const { id } = await params;
    const document = await buildIncidentExport(id);
    return jsonResponse(200, document, { 'Content-Disposition': `attachment; filename="${document.incident.id}.json"` });
  });
}

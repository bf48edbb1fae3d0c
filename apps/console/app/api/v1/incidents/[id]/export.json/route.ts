import { jsonResponse } from '@/server/api/json-response';
import { requireRouteCaller } from '@/server/api/require-route-caller';
import { respond } from '@/server/api/respond';
import { exportIncidentRoute } from '@/server/api/routes/export-incident';
import { buildIncidentExport } from '@/server/reports/build-incident-export';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return respond(async () => {
    const caller = await requireRouteCaller(request, exportIncidentRoute);
    const { id } = await params;
    const document = await buildIncidentExport(caller, id);
    return jsonResponse(200, document, { 'Content-Disposition': `attachment; filename="${document.incident.id}.json"` });
  });
}

import { jsonResponse } from '@/server/api/json-response';
import { respond } from '@/server/api/respond';
import { requireActor } from '@/server/auth/require-actor';
import { buildIncidentExport } from '@/server/reports/build-incident-export';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return respond(async () => {
    await requireActor(request, 'reports:export');
    const { id } = await params;
    const document = await buildIncidentExport(id);
    return jsonResponse(200, document, { 'Content-Disposition': `attachment; filename="${document.incident.id}.json"` });
  });
}

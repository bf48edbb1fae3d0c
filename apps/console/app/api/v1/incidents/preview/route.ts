import { jsonResponse } from '@/server/api/json-response';
import { readJsonBody } from '@/server/api/read-json-body';
import { requireRouteCaller } from '@/server/api/require-route-caller';
import { respond } from '@/server/api/respond';
import { previewIncidentRoute } from '@/server/api/routes/preview-incident';
import { previewIncident } from '@/server/incidents/preview-incident';

export const dynamic = 'force-dynamic';

/** What declaring this body would change; nothing is declared, started or changed in EC2. */
export async function POST(request: Request): Promise<Response> {
  return respond(async () => {
    const caller = await requireRouteCaller(request, previewIncidentRoute);
    const body = await readJsonBody(request);
    return jsonResponse(200, await previewIncident(caller, { request: body }));
  });
}

import { jsonResponse } from '@/server/api/json-response';
import { readJsonBody } from '@/server/api/read-json-body';
import { respond } from '@/server/api/respond';
import { requireActor } from '@/server/auth/require-actor';
import { previewIncident } from '@/server/incidents/preview-incident';

export const dynamic = 'force-dynamic';

/** What declaring this body would change; nothing is declared, started or changed in EC2. */
export async function POST(request: Request): Promise<Response> {
  return respond(async () => {
    const { actor, role } = await requireActor(request, 'incidents:declare');
    const body = await readJsonBody(request);
    return jsonResponse(200, await previewIncident({ request: body, actor, role }));
  });
}

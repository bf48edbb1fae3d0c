import { requireActor } from '../../../../../../src/server/auth/require-actor';
import { jsonResponse } from '../../../../../../src/server/api/json-response';
import { readJsonBody } from '../../../../../../src/server/api/read-json-body';
import { respond } from '../../../../../../src/server/api/respond';
import { closeIncident } from '../../../../../../src/server/incidents/close-incident';

export const dynamic = 'force-dynamic';

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return respond(async () => {
    const { actor, role } = await requireActor(request, 'incidents:close');
    const { id } = await params;
    const body = await readJsonBody(request);
    const reason = typeof body === 'object' && body !== null && 'reason' in body ? body.reason : undefined;
    return jsonResponse(200, await closeIncident({ id, actor, role, reason }));
  });
}

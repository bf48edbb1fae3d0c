import { jsonResponse } from '@/server/api/json-response';
import { readJsonBody } from '@/server/api/read-json-body';
import { respond } from '@/server/api/respond';
import { requireActor } from '@/server/auth/require-actor';
import { closeIncident } from '@/server/incidents/close-incident';

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

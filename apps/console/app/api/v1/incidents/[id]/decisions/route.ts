import { jsonResponse } from '@/server/api/json-response';
import { readJsonBody } from '@/server/api/read-json-body';
import { respond } from '@/server/api/respond';
import { requireActor } from '@/server/auth/require-actor';
import { submitDecision } from '@/server/decisions/submit-decision';

export const dynamic = 'force-dynamic';

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return respond(async () => {
    // Any staff role may ask; submitDecision refuses (and records) a role that takes no decisions.
    const { actor, role } = await requireActor(request, 'incidents:read');
    const { id } = await params;
    const body = await readJsonBody(request);
    return jsonResponse(200, await submitDecision({ incidentId: id, body, actor, role }));
  });
}

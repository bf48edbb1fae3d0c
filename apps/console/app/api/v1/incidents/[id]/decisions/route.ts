import { jsonResponse } from '@/server/api/json-response';
import { readJsonBody } from '@/server/api/read-json-body';
import { requireRouteCaller } from '@/server/api/require-route-caller';
import { respond } from '@/server/api/respond';
import { decideRoute } from '@/server/api/routes/decide';
import { submitDecision } from '@/server/decisions/submit-decision';

export const dynamic = 'force-dynamic';

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return respond(async () => {
    // Any staff role may ask; submitDecision refuses (and records) a role that takes no decisions.
    const { actor, role } = await requireRouteCaller(request, decideRoute);
    const { id } = await params;
    const body = await readJsonBody(request);
    return jsonResponse(200, await submitDecision({ incidentId: id, body, actor, role }));
  });
}

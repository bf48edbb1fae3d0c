import { authenticateCaller } from '../../../../../../src/server/api/authenticate-request';
import { jsonResponse } from '../../../../../../src/server/api/json-response';
import { readJsonBody } from '../../../../../../src/server/api/read-json-body';
import { respond } from '../../../../../../src/server/api/respond';
import { submitDecision } from '../../../../../../src/server/decisions/submit-decision';

export const dynamic = 'force-dynamic';

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return respond(async () => {
    const { actor, role } = await authenticateCaller(request);
    const { id } = await params;
    const body = await readJsonBody(request);
    return jsonResponse(200, await submitDecision({ incidentId: id, body, actor, role }));
  });
}

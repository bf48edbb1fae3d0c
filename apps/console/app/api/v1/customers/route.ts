import { requireActor } from '../../../../src/server/auth/require-actor';
import { jsonResponse } from '../../../../src/server/api/json-response';
import { respond } from '../../../../src/server/api/respond';
import { listCustomers } from '../../../../src/server/directory/list-customers';
import { readJsonBody } from '../../../../src/server/api/read-json-body';
import { createCustomer, updateCustomer } from '../../../../src/server/directory/save-directory';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  return respond(async () => {
    await requireActor(request, 'directory:read');
    return jsonResponse(200, { customers: await listCustomers() });
  });
}

/** Adds a customer with its contacts (administrators). */
export async function POST(request: Request): Promise<Response> {
  return respond(async () => {
    const caller = await requireActor(request, 'directory:write');
    return jsonResponse(201, { customer: await createCustomer({ caller, channel: 'api' }, await readJsonBody(request)) });
  });
}

/** Changes a customer; contacts left out of a new contact list are retired, never deleted (administrators). */
export async function PATCH(request: Request): Promise<Response> {
  return respond(async () => {
    const caller = await requireActor(request, 'directory:write');
    return jsonResponse(200, { customer: await updateCustomer({ caller, channel: 'api' }, await readJsonBody(request)) });
  });
}

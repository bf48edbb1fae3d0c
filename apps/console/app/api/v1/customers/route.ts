import { jsonResponse } from '@/server/api/json-response';
import { readJsonBody } from '@/server/api/read-json-body';
import { respond } from '@/server/api/respond';
import { requireActor } from '@/server/auth/require-actor';
import { listCustomers } from '@/server/directory/list-customers';
import { createCustomer, updateCustomer } from '@/server/directory/save-directory';

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

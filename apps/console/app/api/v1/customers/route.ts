import { jsonResponse } from '@/server/api/json-response';
import { readJsonBody } from '@/server/api/read-json-body';
import { requireRouteCaller } from '@/server/api/require-route-caller';
import { respond } from '@/server/api/respond';
import { createCustomerRoute } from '@/server/api/routes/create-customer';
import { listCustomersRoute } from '@/server/api/routes/list-customers';
import { updateCustomerRoute } from '@/server/api/routes/update-customer';
import { listCustomers } from '@/server/directory/list-customers';
import { createCustomer, updateCustomer } from '@/server/directory/save-directory';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  return respond(async () => {
    const caller = await requireRouteCaller(request, listCustomersRoute);
    return jsonResponse(200, { customers: await listCustomers(caller) });
  });
}

/** Adds a customer with its contacts (administrators). */
export async function POST(request: Request): Promise<Response> {
  return respond(async () => {
    const caller = await requireRouteCaller(request, createCustomerRoute);
    return jsonResponse(201, { customer: await createCustomer({ caller, channel: 'api' }, await readJsonBody(request)) });
  });
}

/** Changes a customer; contacts left out of a new contact list are retired, never deleted (administrators). */
export async function PATCH(request: Request): Promise<Response> {
  return respond(async () => {
    const caller = await requireRouteCaller(request, updateCustomerRoute);
    return jsonResponse(200, { customer: await updateCustomer({ caller, channel: 'api' }, await readJsonBody(request)) });
  });
}

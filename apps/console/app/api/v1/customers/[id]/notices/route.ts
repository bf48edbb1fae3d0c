import { jsonResponse } from '@/server/api/json-response';
import { requireRouteCaller } from '@/server/api/require-route-caller';
import { respond } from '@/server/api/respond';
import { listCustomerNoticesRoute } from '@/server/api/routes/list-customer-notices';
import { listCustomerNotices } from '@/server/notices/list-customer-notices';

export const dynamic = 'force-dynamic';

/** Every notice the customer's contacts received, across incidents (whoever may read incidents). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return respond(async () => {
    const caller = await requireRouteCaller(request, listCustomerNoticesRoute);
    const { id } = await params;
    return jsonResponse(200, await listCustomerNotices(caller, id));
  });
}

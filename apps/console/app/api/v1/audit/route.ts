import { jsonResponse } from '@/server/api/json-response';
import { requireRouteCaller } from '@/server/api/require-route-caller';
import { respond } from '@/server/api/respond';
import { listAuditEntriesRoute } from '@/server/api/routes/list-audit-entries';
import { readAuditLog } from '@/server/audit/read-audit-log';

export const dynamic = 'force-dynamic';

/** Newest first; `?limit=1..500&before=<seq>` pages back. Administrators only. */
export async function GET(request: Request): Promise<Response> {
  return respond(async () => {
    const caller = await requireRouteCaller(request, listAuditEntriesRoute);
    const params = new URL(request.url).searchParams;
    return jsonResponse(
      200,
      await readAuditLog(caller, { limit: params.get('limit') ?? undefined, before: params.get('before') ?? undefined }),
    );
  });
}

import { FirebreakError } from '@firebreak/domain';

import { jsonResponse } from '@/server/api/json-response';
import { requireRouteCaller } from '@/server/api/require-route-caller';
import { respond } from '@/server/api/respond';
import { verifyAuditLogRoute } from '@/server/api/routes/verify-audit-log';
import { exportAuditHead, verifyAuditLog } from '@/server/audit/read-audit-log';

export const dynamic = 'force-dynamic';

/**
 * Checks the whole hash chain and returns the head to keep elsewhere. Pass a head exported earlier as
 * `?seq=<n>&hash=<hex>` to detect a log cut short since then.
 */
export async function GET(request: Request): Promise<Response> {
  return respond(async () => {
    const caller = await requireRouteCaller(request, verifyAuditLogRoute);
    const params = new URL(request.url).searchParams;
    const seq = params.get('seq');
    const hash = params.get('hash');
    if (
      (seq === null) !== (hash === null) ||
      (seq !== null && !/^\d{1,12}$/.test(seq)) ||
      (hash !== null && !/^[0-9a-f]{64}$/.test(hash))
    ) {
      throw new FirebreakError('VALIDATION_FAILED', 'Give both seq (an entry number) and hash (64 hex digits), or neither.');
    }
    const verification = await verifyAuditLog(caller, seq !== null && hash !== null ? { seq: Number(seq), hash } : undefined);
    return jsonResponse(200, { verification, head: await exportAuditHead(caller) });
  });
}

import { jsonResponse } from '@/server/api/json-response';
import { respond } from '@/server/api/respond';
import { checkHealth } from '@/server/health/check-health';

export const dynamic = 'force-dynamic';

/** Unauthenticated on purpose: load balancers and the start script poll it. It reveals reachability only. */
export async function GET(): Promise<Response> {
  return respond(async () => {
    const health = await checkHealth();
    return jsonResponse(health.status === 'ok' ? 200 : 503, health);
  });
}

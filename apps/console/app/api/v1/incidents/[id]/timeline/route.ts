import { jsonResponse } from '@/server/api/json-response';
import { requireRouteCaller } from '@/server/api/require-route-caller';
import { respond } from '@/server/api/respond';
import { getIncidentTimelineRoute } from '@/server/api/routes/get-incident-timeline';
import { listTimelineEvents } from '@/server/incidents/list-timeline-events';

export const dynamic = 'force-dynamic';

/** The incident's timeline, oldest first, a page at a time (`?limit=1..1000`, default 500; `?cursor=` from `nextCursor`). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return respond(async () => {
    const caller = await requireRouteCaller(request, getIncidentTimelineRoute);
    const { id } = await params;
    const search = new URL(request.url).searchParams;
    return jsonResponse(
      200,
      await listTimelineEvents(caller, id, { limit: search.get('limit') ?? undefined, cursor: search.get('cursor') ?? undefined }),
    );
  });
}

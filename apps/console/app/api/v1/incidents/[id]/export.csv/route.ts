import { requireRouteCaller } from '@/server/api/require-route-caller';
import { respond } from '@/server/api/respond';
import { exportIncidentTimelineRoute } from '@/server/api/routes/export-incident-timeline';
import { getTimeline } from '@/server/incidents/get-timeline';
import { timelineCsv } from '@/server/reports/timeline-csv';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return respond(async () => {
    const caller = await requireRouteCaller(request, exportIncidentTimelineRoute);
    const { id } = await params;
    // getTimeline answers NOT_FOUND for an unknown id, so the id in the file name is a real, well-formed one.
    const csv = timelineCsv(await getTimeline(caller, id));
    return new Response(csv, {
      status: 200,
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${id}-timeline.csv"`,
        'Cache-Control': 'no-store',
      },
    });
  });
}

import { buildOpenApiDocument } from '@/server/api/openapi';
import { respond } from '@/server/api/respond';

// Built once per process: the document only changes when the code does.
let document: Record<string, unknown> | undefined;

export async function GET(): Promise<Response> {
  return respond(async () => {
    document ??= buildOpenApiDocument();
    return Response.json(document, { headers: { 'Cache-Control': 'public, max-age=300' } });
  });
}

import { z } from 'zod';

import type { RouteDeclaration } from './route-declaration';
import { API_ROUTES } from './routes';
import { API_SCHEMAS, type ApiSchemaName } from './schemas';

const COMPONENT_PREFIX = '#/components/schemas/';

/** The OpenAPI 3.1 document of /api/v1, built from the route declarations and the zod schemas (JSON Schema 2020-12). */
export function buildOpenApiDocument(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [name, schema] of Object.entries(API_SCHEMAS)) registry.add(schema, { id: name });
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    uri: (id) => `${COMPONENT_PREFIX}${id}`,
    unrepresentable: 'any',
  });
  const components = Object.fromEntries(
    Object.entries(schemas).map(([name, { $schema: _dialect, $id: _id, ...schema }]) => [name, schema]),
  );

  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of API_ROUTES as readonly RouteDeclaration[]) {
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      operationId: op.operationId,
      summary: op.summary,
      ...(op.permission !== null ? {} : { security: [] }),
      ...(op.parameters ? { parameters: op.parameters } : {}),
      ...(op.requestBody ? { requestBody: { required: true, content: { 'application/json': { schema: ref(op.requestBody) } } } } : {}),
      ...(op.requestText
        ? {
            requestBody: {
              required: true,
              description: op.requestText.description,
              content: { [op.requestText.contentType]: { schema: { type: 'string' } } },
            },
          }
        : {}),
      responses: Object.fromEntries(
        Object.entries(op.responses).map(([status, { description, schema, contentType }]) => [
          status,
          {
            description,
            ...(contentType ? { content: { [contentType]: { schema: { type: 'string' } } } } : {}),
            ...(schema ? { content: { 'application/json': { schema: ref(schema) } } } : {}),
          },
        ]),
      ),
    };
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Firebreak API',
      version: '1.0.0',
      description: 'Declare security incidents, follow their playbooks, and read the directory they act on.',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
      schemas: components,
    },
  };
}

function ref(name: ApiSchemaName): { $ref: string } {
  return { $ref: `${COMPONENT_PREFIX}${name}` };
}

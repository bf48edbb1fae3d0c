import type { Permission } from '../auth/permissions';
import type { ApiSchemaName } from './schemas';

/**
 * One operation of /api/v1, declared once: the route handler authenticates the caller with its permission, and the
 * OpenAPI document (GET /api/v1/openapi.json) describes it from the same declaration. One file per operation, under
 * routes/; a unit test keeps the declarations and the route files under app/api/v1 in step.
 */
export interface RouteDeclaration {
  method: 'get' | 'post' | 'put' | 'patch';
  path: string;
  operationId: string;
  summary: string;
  /**
   * What the caller must be allowed to do to be let in; null for the few endpoints a load balancer or a client
   * generator calls without a token. The operation checks its own permission again (see permissions.ts).
   */
  permission: Permission | null;
  parameters?: readonly RouteParameter[];
  requestBody?: ApiSchemaName;
  /** A body that is not JSON (a YAML document): its media type, sent as a string. */
  requestText?: { contentType: string; description: string };
  /** `contentType` names a body that is not JSON (YAML, CSV), described as a string. */
  responses: Record<number, { description: string; schema?: ApiSchemaName; contentType?: string }>;
}

export interface RouteParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  description: string;
  schema: Record<string, unknown>;
}

/** Keeps the declaration's literal types (its permission in particular) while checking its shape. */
export function declareRoute<const Route extends RouteDeclaration>(route: Route): Route {
  return route;
}

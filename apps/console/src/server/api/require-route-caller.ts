import type { Permission } from '../auth/permissions';
import { type Caller, requireActor } from '../auth/require-actor';
import type { RouteDeclaration } from './route-declaration';

/** Authenticates an API request with the permission its route declares (see routes/). */
export function requireRouteCaller(request: Request, route: RouteDeclaration & { permission: Permission }): Promise<Caller> {
  return requireActor(request, route.permission);
}

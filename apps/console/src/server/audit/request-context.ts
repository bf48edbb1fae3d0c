import { AsyncLocalStorage } from 'node:async_hooks';

import type { Actor } from '@firebreak/domain';

/** What the audit entry of one API request needs, filled in as the request is handled. */
export interface RequestContext {
  correlationId: string;
  method?: string;
  path?: string;
  sourceAddress?: string;
  actor?: Actor;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

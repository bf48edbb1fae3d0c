import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

import { describe, expect, it } from 'vitest';

import { API_ROUTES } from './routes';

const API_ROOT = join(import.meta.dirname, '../../../app/api/v1');
const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

interface RoutedOperation {
  /** `method /path`, in the document's path syntax. */
  operation: string;
  /** The handler's source, from its `export` to the next one. */
  handler: string;
}

/** Every operation the route handlers under app/api/v1 answer, with the source of its handler. */
function routedOperations(dir = API_ROOT): RoutedOperation[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routedOperations(path);
    if (entry.name !== 'route.ts') return [];
    const route = `/${relative(API_ROOT, dir).split(sep).join('/')}`.replace(/\[([^\]]+)\]/g, '{$1}');
    const source = readFileSync(path, 'utf8');
    return HTTP_METHODS.flatMap((method) => {
      const start = source.search(new RegExp(`export (async )?function ${method}\\b`));
      if (start < 0) return [];
      const next = source.indexOf('\nexport ', start + 1);
      return [{ operation: `${method.toLowerCase()} ${route}`, handler: source.slice(start, next < 0 ? undefined : next) }];
    });
  });
}

describe('the route declarations and the route handlers', () => {
  const declared = API_ROUTES.map((op) => `${op.method} ${op.path}`);
  const routed = routedOperations();

  it('finds the route handlers', () => {
    expect(routed.map((r) => r.operation)).toContain('get /incidents');
    expect(routed.map((r) => r.operation)).toContain('patch /customers');
  });

  it('declares every route handler under app/api/v1', () => {
    expect(routed.map((r) => r.operation).filter((op) => !declared.includes(op))).toEqual([]);
  });

  it('has a route handler for every declaration', () => {
    expect(declared.filter((op) => !routed.some((r) => r.operation === op))).toEqual([]);
  });

  it('lets each handler in with the permission its declaration names, and no other way', () => {
    for (const { operation, handler } of routed) {
      const route = API_ROUTES.find((op) => `${op.method} ${op.path}` === operation)!;
      const identifier = `${route.operationId}Route`;
      expect(handler, operation).not.toMatch(/requireActor\(/);
      if (route.permission === null) expect(handler, operation).not.toMatch(/requireRouteCaller\(/);
      else expect(handler, operation).toContain(`requireRouteCaller(request, ${identifier})`);
    }
  });

  it('gives every operation its own id', () => {
    const ids = API_ROUTES.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

import { describe, expect, it } from 'vitest';

import { OPERATIONS } from './openapi';

const API_ROOT = join(import.meta.dirname, '../../../app/api/v1');
const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Every `METHOD /path` the route handlers under app/api/v1 answer, in the document's path syntax. */
function routedOperations(dir = API_ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routedOperations(path);
    if (entry.name !== 'route.ts') return [];
    const route = `/${relative(API_ROOT, dir).split(sep).join('/')}`.replace(/\[([^\]]+)\]/g, '{$1}');
    const source = readFileSync(path, 'utf8');
    return HTTP_METHODS.filter((m) => new RegExp(`export (async )?function ${m}\\b|export const ${m}\\b`).test(source)).map(
      (m) => `${m.toLowerCase()} ${route}`,
    );
  });
}

describe('the OpenAPI document and the route handlers', () => {
  const documented = OPERATIONS.map((op) => `${op.method} ${op.path}`);
  const routed = routedOperations();

  it('finds the route handlers', () => {
    expect(routed).toContain('get /incidents');
    expect(routed).toContain('patch /customers');
  });

  it('documents every route handler under app/api/v1', () => {
    expect(routed.filter((op) => !documented.includes(op))).toEqual([]);
  });

  it('documents no operation that has no route handler', () => {
    expect(documented.filter((op) => !routed.includes(op))).toEqual([]);
  });

  it('gives every operation its own id', () => {
    const ids = OPERATIONS.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

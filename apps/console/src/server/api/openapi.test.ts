import { describe, expect, it } from 'vitest';

import { buildOpenApiDocument } from './openapi';
import { API_ROUTES } from './routes';

interface Document {
  openapi: string;
  paths: Record<string, Record<string, { security?: unknown[]; requestBody?: unknown; responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, Record<string, unknown>> };
}

describe('buildOpenApiDocument', () => {
  const document = buildOpenApiDocument() as unknown as Document;

  it('is OpenAPI 3.1 and lists every endpoint of /api/v1', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths).sort()).toEqual(
      [
        '/audit',
        '/audit/verify',
        '/customers',
        '/customers/{id}/notices',
        '/deployments',
        '/directory.yaml',
        '/health',
        '/incidents',
        '/incidents/{id}',
        '/incidents/{id}/close',
        '/incidents/{id}/decisions',
        '/incidents/{id}/export.csv',
        '/incidents/{id}/export.json',
        '/incidents/{id}/timeline',
        '/incidents/preview',
        '/policy',
        '/policy/history',
        '/openapi.json',
      ].sort(),
    );
    expect(Object.keys(document.paths['/incidents']!).sort()).toEqual(['get', 'post']);
    expect(Object.keys(document.paths['/policy']!).sort()).toEqual(['get', 'put']);
    expect(Object.keys(document.paths['/customers']!).sort()).toEqual(['get', 'patch', 'post']);
    expect(Object.keys(document.paths['/directory.yaml']!).sort()).toEqual(['get', 'put']);
  });

  it('resolves every $ref to a component schema', () => {
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      const name = /#\/components\/schemas\/([^"]+)/.exec(ref)?.[1];
      expect(name && document.components.schemas[name], ref).toBeTruthy();
    }
  });

  it('derives the schemas from the domain types', () => {
    const incident = document.components.schemas.Incident as { required: string[]; properties: Record<string, unknown> };
    expect(incident.required).toEqual(expect.arrayContaining(['id', 'playbook', 'status', 'steps']));
    const declare = document.components.schemas.DeclareIncidentRequest as { properties: { playbook: { enum: string[] } } };
    expect(declare.properties.playbook.enum).toContain('infrastructure-compromise');
    const decision = document.components.schemas.DecisionBody as { required: string[]; properties: { gate: { enum: string[] } } };
    expect(decision.required.sort()).toEqual(['choice', 'gate', 'reason']);
    expect(decision.properties.gate.enum).toContain('backup-safe');
    const detail = document.components.schemas.IncidentDetail as { required: string[] };
    expect(detail.required).toEqual(expect.arrayContaining(['steps', 'pendingDecisions', 'clocks', 'live']));
    for (const schema of Object.values(document.components.schemas)) expect(schema).not.toHaveProperty('$schema');
  });

  it('requires a token everywhere except health and the document itself', () => {
    const open = API_ROUTES.filter((op) => op.permission === null).map((op) => op.path);
    expect(open.sort()).toEqual(['/health', '/openapi.json']);
    expect(document.paths['/health']!.get!.security).toEqual([]);
    expect(document.paths['/incidents']!.post!.security).toBeUndefined();
  });
});

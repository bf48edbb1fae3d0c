import { z } from 'zod';

import { API_SCHEMAS, type ApiSchemaName } from './schemas';

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch';
  path: string;
  operationId: string;
  summary: string;
  /** False for the few endpoints a load balancer or a client generator calls without a token. */
  authenticated: boolean;
  parameters?: Parameter[];
  requestBody?: ApiSchemaName;
  /** A body that is not JSON (a YAML document): its media type, sent as a string. */
  requestText?: { contentType: string; description: string };
  /** `contentType` names a body that is not JSON (YAML, CSV), described as a string. */
  responses: Record<number, { description: string; schema?: ApiSchemaName; contentType?: string }>;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  description: string;
  schema: Record<string, unknown>;
}

const INCIDENT_ID: Parameter = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'Incident id, e.g. inc-3k9x2m4p7q1z',
  schema: { type: 'string', pattern: '^inc-[a-z0-9]{12}$' },
};

const CUSTOMER_ID: Parameter = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'Customer id, e.g. acme-media',
  schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: 64 },
};

const AUTH_ERRORS = { 401: { description: 'Missing or invalid API token', schema: 'ErrorResponse' } } as const;

/** Every endpoint of /api/v1. The OpenAPI document is generated from this list and the zod schemas. */
export const OPERATIONS: Operation[] = [
  {
    method: 'post',
    path: '/incidents',
    operationId: 'declareIncident',
    summary: 'Declare an incident and start its playbook',
    authenticated: true,
    parameters: [
      {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: 'Repeat a request with the same key to get the same incident back; nothing starts twice.',
        schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x20-\\x7E]+$' },
      },
    ],
    requestBody: 'DeclareIncidentRequest',
    responses: {
      201: { description: 'Incident declared and its playbook started', schema: 'Incident' },
      200: { description: 'Repeat of an earlier request with the same Idempotency-Key', schema: 'Incident' },
      400: { description: 'Invalid body, unknown playbook, or playbook not automated yet', schema: 'ErrorResponse' },
      ...AUTH_ERRORS,
      404: { description: 'A named deployment does not exist', schema: 'ErrorResponse' },
      422: { description: 'Idempotency-Key already used for another request', schema: 'ErrorResponse' },
      503: { description: 'Orchestrator unreachable; retry with the same Idempotency-Key', schema: 'ErrorResponse' },
    },
  },
  {
    method: 'post',
    path: '/incidents/preview',
    operationId: 'previewIncident',
    summary: 'What declaring this incident would change (EC2 describe and DryRun calls, first notices); nothing is started',
    authenticated: true,
    requestBody: 'DeclareIncidentRequest',
    responses: {
      200: {
        description: 'The preview, per deployment; a deployment EC2 could not be read for carries a problem',
        schema: 'IncidentPreview',
      },
      400: { description: 'Invalid body, unknown playbook, or playbook not automated yet', schema: 'ErrorResponse' },
      ...AUTH_ERRORS,
      403: { description: "The token's role may not declare incidents", schema: 'ErrorResponse' },
      404: { description: 'A named deployment does not exist', schema: 'ErrorResponse' },
    },
  },
  {
    method: 'get',
    path: '/incidents',
    operationId: 'listIncidents',
    summary: 'List incidents, newest first',
    authenticated: true,
    parameters: [
      {
        name: 'limit',
        in: 'query',
        required: false,
        description: 'Page size',
        schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
      },
      {
        name: 'before',
        in: 'query',
        required: false,
        description: "Only incidents declared before this time (the previous page's nextBefore)",
        schema: { type: 'string', format: 'date-time' },
      },
    ],
    responses: {
      200: { description: 'A page of incidents', schema: 'IncidentList' },
      400: { description: 'Invalid query parameters', schema: 'ErrorResponse' },
      ...AUTH_ERRORS,
    },
  },
  {
    method: 'get',
    path: '/incidents/{id}',
    operationId: 'getIncident',
    summary: 'One incident with its steps, the decisions its playbook waits for, and its clocks',
    authenticated: true,
    parameters: [INCIDENT_ID],
    responses: {
      200: { description: 'The incident', schema: 'IncidentDetail' },
      ...AUTH_ERRORS,
      404: { description: 'No such incident', schema: 'ErrorResponse' },
    },
  },
  {
    method: 'get',
    path: '/incidents/{id}/timeline',
    operationId: 'getIncidentTimeline',
    summary: 'Everything recorded about an incident, oldest first, a page at a time (follow nextCursor until it is null)',
    authenticated: true,
    parameters: [
      INCIDENT_ID,
      {
        name: 'limit',
        in: 'query',
        required: false,
        description: 'Events per page',
        schema: { type: 'integer', minimum: 1, maximum: 1000, default: 500 },
      },
      {
        name: 'cursor',
        in: 'query',
        required: false,
        description: "Where to continue: the previous page's nextCursor (opaque)",
        schema: { type: 'string', maxLength: 200 },
      },
    ],
    responses: {
      200: { description: 'A page of the timeline', schema: 'Timeline' },
      400: { description: 'Invalid query parameters', schema: 'ErrorResponse' },
      ...AUTH_ERRORS,
      404: { description: 'No such incident', schema: 'ErrorResponse' },
    },
  },
  {
    method: 'get',
    path: '/incidents/{id}/export.json',
    operationId: 'exportIncident',
    summary:
      'Everything recorded about an incident as one document: the incident, SLA standing, notices, timeline (managers, on-call, administrators)',
    authenticated: true,
    parameters: [INCIDENT_ID],
    responses: {
      200: { description: 'The export, as an attachment', schema: 'IncidentExport' },
      ...AUTH_ERRORS,
      403: { description: "The token's role may not export reports", schema: 'ErrorResponse' },
      404: { description: 'No such incident', schema: 'ErrorResponse' },
    },
  },
  {
    method: 'get',
    path: '/incidents/{id}/export.csv',
    operationId: 'exportIncidentTimeline',
    summary: "The incident's timeline as CSV, one event per row (managers, on-call, administrators)",
    authenticated: true,
    parameters: [INCIDENT_ID],
    responses: {
      200: { description: 'The timeline, as an attachment', contentType: 'text/csv' },
      ...AUTH_ERRORS,
      403: { description: "The token's role may not export reports", schema: 'ErrorResponse' },
      404: { description: 'No such incident', schema: 'ErrorResponse' },
    },
  },
  {
    method: 'post',
    path: '/incidents/{id}/close',
    operationId: 'closeIncident',
    summary: 'Close a contained incident',
    authenticated: true,
    parameters: [INCIDENT_ID],
    requestBody: 'CloseIncidentBody',
    responses: {
      200: { description: 'Close accepted by the playbook', schema: 'Incident' },
      400: { description: 'Invalid body', schema: 'ErrorResponse' },
      ...AUTH_ERRORS,
      404: { description: 'No such incident', schema: 'ErrorResponse' },
      409: { description: 'The incident cannot be closed now', schema: 'ErrorResponse' },
      503: { description: 'Orchestrator unreachable', schema: 'ErrorResponse' },
    },
  },
  {
    method: 'post',
    path: '/incidents/{id}/decisions',
    operationId: 'decide',
    summary: "Take a decision at one of the playbook's gates",
    authenticated: true,
    parameters: [INCIDENT_ID],
    requestBody: 'DecisionBody',
    responses: {
      200: {
        description: 'Decision accepted, or a repeat of an accepted decisionId answered with the first outcome',
        schema: 'DecisionOutcome',
      },
      400: { description: 'Invalid body, or a choice the gate does not offer', schema: 'ErrorResponse' },
      ...AUTH_ERRORS,
      403: { description: "The token's role may not take this decision", schema: 'ErrorResponse' },
      404: { description: 'No such incident', schema: 'ErrorResponse' },
      409: { description: 'The gate is not pending, or the incident is closed', schema: 'ErrorResponse' },
      503: { description: 'No answer from the orchestrator; repeat with the same decisionId', schema: 'ErrorResponse' },
    },
  },
  {
    method: 'get',
    path: '/policy',
    operationId: 'getPolicy',
    summary: 'The response policy new incidents take',
    authenticated: true,
    responses: { 200: { description: 'The policy in force', schema: 'CurrentPolicy' }, ...AUTH_ERRORS },
  },
  {
    method: 'put',
    path: '/policy',
    operationId: 'updatePolicy',
    summary: 'Save a new version of the policy (administrators)',
    authenticated: true,
    requestBody: 'PolicyUpdateBody',
    responses: {
      200: { description: 'The new version', schema: 'PolicyVersion' },
      400: { description: 'Invalid policy or missing reason', schema: 'ErrorResponse' },
      ...AUTH_ERRORS,
      403: { description: 'Only administrators may change the policy', schema: 'ErrorResponse' },
    },
  },
  {
    method: 'get',
    path: '/policy/history',
    operationId: 'listPolicyVersions',
    summary: 'Every saved version of the policy, newest first',
    authenticated: true,
    responses: { 200: { description: 'The versions', schema: 'PolicyHistory' }, ...AUTH_ERRORS },
  },
  {
    method: 'get',
    path: '/deployments',
    operationId: 'listDeployments',
    summary: 'Deployments in the directory',
    authenticated: true,
    responses: { 200: { description: 'Every deployment', schema: 'DeploymentList' }, ...AUTH_ERRORS },
  },
  {
    method: 'get',
    path: '/customers',
    operationId: 'listCustomers',
    summary: 'Customers in the directory, with their contacts',
    authenticated: true,
    responses: { 200: { description: 'Every customer', schema: 'CustomerList' }, ...AUTH_ERRORS },
  },
  {
    method: 'post',
    path: '/customers',
    operationId: 'createCustomer',
    summary: 'Add a customer with its contacts (administrators)',
    authenticated: true,
    requestBody: 'Customer',
    responses: {
      201: { description: 'The customer as saved', schema: 'CustomerResponse' },
      400: { description: 'Invalid customer, an id already in the directory, or a contact of another customer', schema: 'ErrorResponse' },
      ...AUTH_ERRORS,
      403: { description: 'Only administrators change the directory', schema: 'ErrorResponse' },
    },
  },
  {
    method: 'patch',
    path: '/customers',
    operationId: 'updateCustomer',
    summary: 'Change a customer named by its id; contacts left out of a new contact list are retired, never deleted (administrators)',
    authenticated: true,
    requestBody: 'CustomerPatch',
    responses: {
      200: { description: 'The customer as saved', schema: 'CustomerResponse' },
      400: { description: 'Invalid change, or a contact of another customer', schema: 'ErrorResponse' },
      ...AUTH_ERRORS,
      403: { description: 'Only administrators change the directory', schema: 'ErrorResponse' },
      404: { description: 'No such customer', schema: 'ErrorResponse' },
    },
  },
  {
    method: 'get',
    path: '/customers/{id}/notices',
    operationId: 'listCustomerNotices',
    summary: "Every notice the customer's contacts received, across incidents, per contact, newest first",
    authenticated: true,
    parameters: [CUSTOMER_ID],
    responses: {
      200: { description: 'The customer and its notices, with sent, delivered, failed and acknowledged times', schema: 'CustomerNotices' },
      ...AUTH_ERRORS,
      404: { description: 'No such customer', schema: 'ErrorResponse' },
    },
  },
  {
    method: 'get',
    path: '/directory.yaml',
    operationId: 'exportDirectory',
    summary: 'The whole directory (customers, contacts, deployments) as one YAML document',
    authenticated: true,
    responses: {
      200: { description: 'The directory document, to edit and import again', contentType: 'application/yaml' },
      ...AUTH_ERRORS,
      403: { description: "The token's role may not read the directory", schema: 'ErrorResponse' },
    },
  },
  {
    method: 'put',
    path: '/directory.yaml',
    operationId: 'importDirectory',
    summary:
      'Import a directory document: what it names is saved, the rest is kept; nothing is saved unless all of it is valid (administrators)',
    authenticated: true,
    requestText: { contentType: 'application/yaml', description: 'A document as GET /directory.yaml returns it (at most 1 MiB)' },
    responses: {
      200: { description: 'What was imported; each change is in the audit log', schema: 'DirectoryImportResult' },
      400: { description: 'Invalid document: every problem names its line', schema: 'ErrorResponse' },
      ...AUTH_ERRORS,
      403: { description: 'Only administrators change the directory', schema: 'ErrorResponse' },
    },
  },
  {
    method: 'get',
    path: '/audit',
    operationId: 'listAuditEntries',
    summary: 'The audit log, newest first; ?limit=1..500&before=<seq> pages back (administrators)',
    authenticated: true,
    responses: {
      200: {
        description:
          '{ entries, nextBefore }: each entry with seq, at, severity, component, eventType, actor, sourceAddress, details, prevHash, hash',
      },
      ...AUTH_ERRORS,
      403: { description: 'Only administrators read the audit log', schema: 'ErrorResponse' },
    },
  },
  {
    method: 'get',
    path: '/audit/verify',
    operationId: 'verifyAuditLog',
    summary: 'Checks the hash chain; ?seq=&hash= of an exported head also detects truncation (administrators)',
    authenticated: true,
    responses: {
      200: { description: '{ verification: { ok, entries, firstBadSeq?, reason? }, head: { seq, hash, at } | null }' },
      400: { description: 'seq and hash must come together', schema: 'ErrorResponse' },
      ...AUTH_ERRORS,
      403: { description: 'Only administrators read the audit log', schema: 'ErrorResponse' },
    },
  },
  {
    method: 'get',
    path: '/health',
    operationId: 'getHealth',
    summary: 'Whether the database and the orchestrator are reachable',
    authenticated: false,
    responses: {
      200: { description: 'Everything reachable', schema: 'Health' },
      503: { description: 'Something is not reachable', schema: 'Health' },
    },
  },
  {
    method: 'get',
    path: '/openapi.json',
    operationId: 'getOpenApiDocument',
    summary: 'This document',
    authenticated: false,
    responses: { 200: { description: 'OpenAPI 3.1 document' } },
  },
];

const COMPONENT_PREFIX = '#/components/schemas/';

/** The OpenAPI 3.1 document of /api/v1, built from OPERATIONS and the zod schemas (JSON Schema 2020-12). */
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
  for (const op of OPERATIONS) {
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      operationId: op.operationId,
      summary: op.summary,
      ...(op.authenticated ? {} : { security: [] }),
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

import type { RouteParameter } from '../route-declaration';

/** Shapes more than one route declaration uses. */

export const INCIDENT_ID: RouteParameter = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'Incident id, e.g. inc-3k9x2m4p7q1z',
  schema: { type: 'string', pattern: '^inc-[a-z0-9]{12}$' },
};

export const CUSTOMER_ID: RouteParameter = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'Customer id, e.g. acme-media',
  schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: 64 },
};

/** The answer to a request without a valid API token or session, the same on every authenticated route. */
export const AUTH_ERRORS = { 401: { description: 'Missing or invalid API token', schema: 'ErrorResponse' } } as const;

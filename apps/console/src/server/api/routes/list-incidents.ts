import { declareRoute } from '../route-declaration';
import { AUTH_ERRORS } from './shared';

export const listIncidentsRoute = declareRoute({
  method: 'get',
  path: '/incidents',
  operationId: 'listIncidents',
  summary: 'List incidents, newest first',
  permission: 'incidents:read',
  parameters: [
    {
      name: 'limit',
      in: 'query',
      required: false,
      description: 'Page size',
      schema: {
        type: 'integer',
        minimum: 1,
        maximum: 200,
        default: 50,
      },
    },
    {
      name: 'before',
      in: 'query',
      required: false,
      description: "Only incidents declared before this time (the previous page's nextBefore)",
      schema: {
        type: 'string',
        format: 'date-time',
      },
    },
  ],
  responses: {
    200: { description: 'A page of incidents', schema: 'IncidentList' },
    400: { description: 'Invalid query parameters', schema: 'ErrorResponse' },
    ...AUTH_ERRORS,
  },
});

import { declareRoute } from '../route-declaration';
import { AUTH_ERRORS, INCIDENT_ID } from './shared';

export const getIncidentTimelineRoute = declareRoute({
  method: 'get',
  path: '/incidents/{id}/timeline',
  operationId: 'getIncidentTimeline',
  summary: 'Everything recorded about an incident, oldest first, a page at a time (follow nextCursor until it is null)',
  permission: 'incidents:read',
  parameters: [
    INCIDENT_ID,
    {
      name: 'limit',
      in: 'query',
      required: false,
      description: 'Events per page',
      schema: {
        type: 'integer',
        minimum: 1,
        maximum: 1000,
        default: 500,
      },
    },
    {
      name: 'cursor',
      in: 'query',
      required: false,
      description: "Where to continue: the previous page's nextCursor (opaque)",
      schema: {
        type: 'string',
        maxLength: 200,
      },
    },
  ],
  responses: {
    200: { description: 'A page of the timeline', schema: 'Timeline' },
    400: { description: 'Invalid query parameters', schema: 'ErrorResponse' },
    ...AUTH_ERRORS,
    404: { description: 'No such incident', schema: 'ErrorResponse' },
  },
});

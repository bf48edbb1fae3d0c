import { declareRoute } from '../route-declaration';
import { AUTH_ERRORS, INCIDENT_ID } from './shared';

export const exportIncidentTimelineRoute = declareRoute({
  method: 'get',
  path: '/incidents/{id}/export.csv',
  operationId: 'exportIncidentTimeline',
  summary: "The incident's timeline as CSV, one event per row (managers, on-call, administrators)",
  permission: 'reports:export',
  parameters: [INCIDENT_ID],
  responses: {
    200: { description: 'The timeline, as an attachment', contentType: 'text/csv' },
    ...AUTH_ERRORS,
    403: { description: "The token's role may not export reports", schema: 'ErrorResponse' },
    404: { description: 'No such incident', schema: 'ErrorResponse' },
  },
});

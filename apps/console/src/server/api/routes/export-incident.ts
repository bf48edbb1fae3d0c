import { declareRoute } from '../route-declaration';
import { AUTH_ERRORS, INCIDENT_ID } from './shared';

export const exportIncidentRoute = declareRoute({
  method: 'get',
  path: '/incidents/{id}/export.json',
  operationId: 'exportIncident',
  summary:
    'Everything recorded about an incident as one document: the incident, SLA standing, notices, timeline (managers, on-call, administrators)',
  permission: 'reports:export',
  parameters: [INCIDENT_ID],
  responses: {
    200: { description: 'The export, as an attachment', schema: 'IncidentExport' },
    ...AUTH_ERRORS,
    403: { description: "The token's role may not export reports", schema: 'ErrorResponse' },
    404: { description: 'No such incident', schema: 'ErrorResponse' },
  },
});

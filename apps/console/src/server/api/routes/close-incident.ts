import { declareRoute } from '../route-declaration';
import { AUTH_ERRORS, INCIDENT_ID } from './shared';

export const closeIncidentRoute = declareRoute({
  method: 'post',
  path: '/incidents/{id}/close',
  operationId: 'closeIncident',
  summary: 'Close a contained incident',
  permission: 'incidents:close',
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
});

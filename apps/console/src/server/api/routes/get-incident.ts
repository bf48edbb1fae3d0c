import { declareRoute } from '../route-declaration';
import { AUTH_ERRORS, INCIDENT_ID } from './shared';

export const getIncidentRoute = declareRoute({
  method: 'get',
  path: '/incidents/{id}',
  operationId: 'getIncident',
  summary: 'One incident with its steps, the decisions its playbook waits for, and its clocks',
  permission: 'incidents:read',
  parameters: [INCIDENT_ID],
  responses: {
    200: { description: 'The incident', schema: 'IncidentDetail' },
    ...AUTH_ERRORS,
    404: { description: 'No such incident', schema: 'ErrorResponse' },
  },
});

import { declareRoute } from '../route-declaration';
import { AUTH_ERRORS, INCIDENT_ID } from './shared';

export const decideRoute = declareRoute({
  method: 'post',
  path: '/incidents/{id}/decisions',
  operationId: 'decide',
  summary: "Take a decision at one of the playbook's gates",
  permission: 'incidents:read',
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
});

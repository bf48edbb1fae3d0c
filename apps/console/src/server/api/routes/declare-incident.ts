import { declareRoute } from '../route-declaration';
import { AUTH_ERRORS } from './shared';

export const declareIncidentRoute = declareRoute({
  method: 'post',
  path: '/incidents',
  operationId: 'declareIncident',
  summary: 'Declare an incident and start its playbook',
  permission: 'incidents:declare',
  parameters: [
    {
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'Repeat a request with the same key to get the same incident back; nothing starts twice.',
      schema: {
        type: 'string',
        minLength: 1,
        maxLength: 200,
        pattern: '^[\\x20-\\x7E]+$',
      },
    },
  ],
  requestBody: 'DeclareIncidentRequest',
  responses: {
    200: { description: 'Repeat of an earlier request with the same Idempotency-Key', schema: 'Incident' },
    201: { description: 'Incident declared and its playbook started', schema: 'Incident' },
    400: { description: 'Invalid body, unknown playbook, or playbook not automated yet', schema: 'ErrorResponse' },
    ...AUTH_ERRORS,
    404: { description: 'A named deployment does not exist', schema: 'ErrorResponse' },
    422: { description: 'Idempotency-Key already used for another request', schema: 'ErrorResponse' },
    503: { description: 'Orchestrator unreachable; retry with the same Idempotency-Key', schema: 'ErrorResponse' },
  },
});

import { declareRoute } from '../route-declaration';
import { AUTH_ERRORS } from './shared';

export const previewIncidentRoute = declareRoute({
  method: 'post',
  path: '/incidents/preview',
  operationId: 'previewIncident',
  summary: 'What declaring this incident would change (EC2 describe and DryRun calls, first notices); nothing is started',
  permission: 'incidents:declare',
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
});

import { declareRoute } from '../route-declaration';
import { AUTH_ERRORS } from './shared';

export const updatePolicyRoute = declareRoute({
  method: 'put',
  path: '/policy',
  operationId: 'updatePolicy',
  summary: 'Save a new version of the policy (administrators)',
  permission: 'policy:write',
  requestBody: 'PolicyUpdateBody',
  responses: {
    200: { description: 'The new version', schema: 'PolicyVersion' },
    400: { description: 'Invalid policy or missing reason', schema: 'ErrorResponse' },
    ...AUTH_ERRORS,
    403: { description: 'Only administrators may change the policy', schema: 'ErrorResponse' },
  },
});

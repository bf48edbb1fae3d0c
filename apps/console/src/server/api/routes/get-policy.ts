import { declareRoute } from '../route-declaration';
import { AUTH_ERRORS } from './shared';

export const getPolicyRoute = declareRoute({
  method: 'get',
  path: '/policy',
  operationId: 'getPolicy',
  summary: 'The response policy new incidents take',
  permission: 'policy:read',
  responses: {
    200: { description: 'The policy in force', schema: 'CurrentPolicy' },
    ...AUTH_ERRORS,
  },
});

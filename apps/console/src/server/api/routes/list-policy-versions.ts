import { declareRoute } from '../route-declaration';
import { AUTH_ERRORS } from './shared';

export const listPolicyVersionsRoute = declareRoute({
  method: 'get',
  path: '/policy/history',
  operationId: 'listPolicyVersions',
  summary: 'Every saved version of the policy, newest first',
  permission: 'policy:read',
  responses: {
    200: { description: 'The versions', schema: 'PolicyHistory' },
    ...AUTH_ERRORS,
  },
});

import { declareRoute } from '../route-declaration';
import { AUTH_ERRORS } from './shared';

export const listDeploymentsRoute = declareRoute({
  method: 'get',
  path: '/deployments',
  operationId: 'listDeployments',
  summary: 'Deployments in the directory',
  permission: 'directory:read',
  responses: {
    200: { description: 'Every deployment', schema: 'DeploymentList' },
    ...AUTH_ERRORS,
  },
});

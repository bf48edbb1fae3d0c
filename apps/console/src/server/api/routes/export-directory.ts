import { declareRoute } from '../route-declaration';
import { AUTH_ERRORS } from './shared';

export const exportDirectoryRoute = declareRoute({
  method: 'get',
  path: '/directory.yaml',
  operationId: 'exportDirectory',
  summary: 'The whole directory (customers, contacts, deployments) as one YAML document',
  permission: 'directory:read',
  responses: {
    200: { description: 'The directory document, to edit and import again', contentType: 'application/yaml' },
    ...AUTH_ERRORS,
    403: { description: "The token's role may not read the directory", schema: 'ErrorResponse' },
  },
});

import { declareRoute } from '../route-declaration';

export const getOpenApiDocumentRoute = declareRoute({
  method: 'get',
  path: '/openapi.json',
  operationId: 'getOpenApiDocument',
  summary: 'This document',
  permission: null,
  responses: {
    200: { description: 'OpenAPI 3.1 document' },
  },
});

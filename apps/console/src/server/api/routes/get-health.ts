import { declareRoute } from '../route-declaration';

export const getHealthRoute = declareRoute({
  method: 'get',
  path: '/health',
  operationId: 'getHealth',
  summary: 'Whether the database and the orchestrator are reachable',
  permission: null,
  responses: {
    200: { description: 'Everything reachable', schema: 'Health' },
    503: { description: 'Something is not reachable', schema: 'Health' },
  },
});

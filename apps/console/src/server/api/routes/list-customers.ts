import { declareRoute } from '../route-declaration';
import { AUTH_ERRORS } from './shared';

export const listCustomersRoute = declareRoute({
  method: 'get',
  path: '/customers',
  operationId: 'listCustomers',
  summary: 'Customers in the directory, with their contacts',
  permission: 'directory:read',
  responses: {
    200: { description: 'Every customer', schema: 'CustomerList' },
    ...AUTH_ERRORS,
  },
});

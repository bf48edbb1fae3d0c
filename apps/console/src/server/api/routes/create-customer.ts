import { declareRoute } from '../route-declaration';
import { AUTH_ERRORS } from './shared';

export const createCustomerRoute = declareRoute({
  method: 'post',
  path: '/customers',
  operationId: 'createCustomer',
  summary: 'Add a customer with its contacts (administrators)',
  permission: 'directory:write',
  requestBody: 'Customer',
  responses: {
    201: { description: 'The customer as saved', schema: 'CustomerResponse' },
    400: { description: 'Invalid customer, an id already in the directory, or a contact of another customer', schema: 'ErrorResponse' },
    ...AUTH_ERRORS,
    403: { description: 'Only administrators change the directory', schema: 'ErrorResponse' },
  },
});

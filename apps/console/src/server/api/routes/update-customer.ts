import { declareRoute } from '../route-declaration';
import { AUTH_ERRORS } from './shared';

export const updateCustomerRoute = declareRoute({
  method: 'patch',
  path: '/customers',
  operationId: 'updateCustomer',
  summary: 'Change a customer named by its id; contacts left out of a new contact list are retired, never deleted (administrators)',
  permission: 'directory:write',
  requestBody: 'CustomerPatch',
  responses: {
    200: { description: 'The customer as saved', schema: 'CustomerResponse' },
    400: { description: 'Invalid change, or a contact of another customer', schema: 'ErrorResponse' },
    ...AUTH_ERRORS,
    403: { description: 'Only administrators change the directory', schema: 'ErrorResponse' },
    404: { description: 'No such customer', schema: 'ErrorResponse' },
  },
});

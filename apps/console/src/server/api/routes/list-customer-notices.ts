import { declareRoute } from '../route-declaration';
import { AUTH_ERRORS, CUSTOMER_ID } from './shared';

export const listCustomerNoticesRoute = declareRoute({
  method: 'get',
  path: '/customers/{id}/notices',
  operationId: 'listCustomerNotices',
  summary: "Every notice the customer's contacts received, across incidents, per contact, newest first",
  permission: 'incidents:read',
  parameters: [CUSTOMER_ID],
  responses: {
    200: { description: 'The customer and its notices, with sent, delivered, failed and acknowledged times', schema: 'CustomerNotices' },
    ...AUTH_ERRORS,
    404: { description: 'No such customer', schema: 'ErrorResponse' },
  },
});

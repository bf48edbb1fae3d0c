import { declareRoute } from '../route-declaration';
import { AUTH_ERRORS } from './shared';

export const verifyAuditLogRoute = declareRoute({
  method: 'get',
  path: '/audit/verify',
  operationId: 'verifyAuditLog',
  summary: 'Checks the hash chain; ?seq=&hash= of an exported head also detects truncation (administrators)',
  permission: 'audit:read',
  responses: {
    '200': {
      description: '{ verification: { ok, entries, firstBadSeq?, reason? }, head: { seq, hash, at } | null }',
    },
    400: { description: 'seq and hash must come together', schema: 'ErrorResponse' },
    ...AUTH_ERRORS,
    403: { description: 'Only administrators read the audit log', schema: 'ErrorResponse' },
  },
});

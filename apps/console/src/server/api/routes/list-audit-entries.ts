import { declareRoute } from '../route-declaration';
import { AUTH_ERRORS } from './shared';

export const listAuditEntriesRoute = declareRoute({
  method: 'get',
  path: '/audit',
  operationId: 'listAuditEntries',
  summary: 'The audit log, newest first; ?limit=1..500&before=<seq> pages back (administrators)',
  permission: 'audit:read',
  responses: {
    '200': {
      description:
        '{ entries, nextBefore }: each entry with seq, at, severity, component, eventType, actor, sourceAddress, details, prevHash, hash',
    },
    ...AUTH_ERRORS,
    403: { description: 'Only administrators read the audit log', schema: 'ErrorResponse' },
  },
});

import { declareRoute } from '../route-declaration';
import { AUTH_ERRORS } from './shared';

export const importDirectoryRoute = declareRoute({
  method: 'put',
  path: '/directory.yaml',
  operationId: 'importDirectory',
  summary:
    'Import a directory document: what it names is saved, the rest is kept; nothing is saved unless all of it is valid (administrators)',
  permission: 'directory:write',
  requestText: {
    contentType: 'application/yaml',
    description: 'A document as GET /directory.yaml returns it (at most 1 MiB)',
  },
  responses: {
    200: { description: 'What was imported; each change is in the audit log', schema: 'DirectoryImportResult' },
    400: { description: 'Invalid document: every problem names its line', schema: 'ErrorResponse' },
    ...AUTH_ERRORS,
    403: { description: 'Only administrators change the directory', schema: 'ErrorResponse' },
  },
});

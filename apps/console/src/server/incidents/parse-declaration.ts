import {
  DeclareIncidentRequest,
  FirebreakError,
  PLAYBOOK_IDS,
  type PlaybookDescription,
  type PlaybookId,
  PLAYBOOKS,
} from '@firebreak/domain';

import { toFieldErrors } from '../api/field-errors';

/**
 * Validates a declaration. An unknown playbook gets its own code (the caller most likely mistyped an id), and a
 * documented but not yet automated playbook is refused in words rather than started and left to fail. The playbook
 * table is a parameter so that refusal can be tested whichever playbooks are automated at the time.
 */
export function parseDeclaration(
  body: unknown,
  playbooks: Record<PlaybookId, Pick<PlaybookDescription, 'title' | 'available'>> = PLAYBOOKS,
): DeclareIncidentRequest {
  const result = DeclareIncidentRequest.safeParse(body);
  if (!result.success) {
    const fieldErrors = toFieldErrors(result.error);
    const playbook = (body as { playbook?: unknown } | null)?.playbook;
    if (typeof playbook === 'string' && fieldErrors.some((e) => e.path === 'playbook')) {
      throw new FirebreakError(
        'UNKNOWN_PLAYBOOK',
        `There is no playbook called ${JSON.stringify(playbook.slice(0, 100))}. Known playbooks: ${PLAYBOOK_IDS.join(', ')}.`,
        fieldErrors,
      );
    }
    throw new FirebreakError('VALIDATION_FAILED', 'The incident declaration is not valid.', fieldErrors);
  }
  const playbook = playbooks[result.data.playbook];
  if (!playbook.available) {
    throw new FirebreakError('PLAYBOOK_NOT_AVAILABLE', `The "${playbook.title}" playbook is not automated yet.`, [
      { path: 'playbook', message: 'not automated yet' },
    ]);
  }
  return result.data;
}

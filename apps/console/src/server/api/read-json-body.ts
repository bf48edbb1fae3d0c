import { FirebreakError } from '@firebreak/domain';

/** Far above any legitimate request body; bigger ones are refused before parsing. */
const MAX_BODY_BYTES = 64 * 1024;

export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES) {
    throw new FirebreakError('VALIDATION_FAILED', `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);
  }
  if (text.trim() === '') throw new FirebreakError('VALIDATION_FAILED', 'The request needs a JSON body.');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new FirebreakError('VALIDATION_FAILED', 'The request body is not valid JSON.');
  }
}

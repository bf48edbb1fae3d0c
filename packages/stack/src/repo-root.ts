import { fileURLToPath } from 'node:url';

/** The clone this package lives in (packages/stack/src → three levels up), whatever the caller's working directory. */
export function repoRoot(): string {
  return fileURLToPath(new URL('../../../', import.meta.url)).replace(/\/$/, '');
}

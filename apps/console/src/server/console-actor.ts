import type { Actor } from '@firebreak/domain';

/**
 * Who acts when someone uses the console. Staff sign-in is not built yet; when it is, the actor comes from the
 * signed-in session and this shared identity goes away.
 */
export const CONSOLE_ACTOR: Actor = { kind: 'user', id: 'console', name: 'Console operator' };

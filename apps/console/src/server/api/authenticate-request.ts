// Route handlers authenticate with requireActor (auth/require-actor.ts), which takes both API tokens and sessions.
export { parseBearerToken } from '../auth/bearer-token';
export type { Caller } from '../auth/require-actor';

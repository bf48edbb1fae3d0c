import { authenticateApiToken } from '@firebreak/db';
import { FirebreakError, type Actor, type StaffRole } from '@firebreak/domain';
import { getDatabase } from '../database';

/** Longer than any token Firebreak issues; anything longer is refused before it is hashed. */
const MAX_TOKEN_LENGTH = 512;

/** The token in an `Authorization: Bearer <token>` header, or undefined when the header is absent or malformed. */
export function parseBearerToken(header: string | null): string | undefined {
  if (header === null) return undefined;
  const match = /^Bearer +([\x21-\x7E]+) *$/i.exec(header);
  const token = match?.[1];
  if (token === undefined || token.length > MAX_TOKEN_LENGTH) return undefined;
  return token;
}

/** Who is calling, and with which staff role: the role decides what the caller may do beyond reading. */
export interface Caller {
  actor: Actor;
  role: StaffRole;
}

/** The actor behind the request's API token; throws UNAUTHORIZED when the token is missing, unknown or revoked. */
export async function authenticateRequest(request: Request): Promise<Actor> {
  return (await authenticateCaller(request)).actor;
}

/** The actor and role behind the request's API token; UNAUTHORIZED when the token is missing, unknown or revoked. */
export async function authenticateCaller(request: Request): Promise<Caller> {
  const token = parseBearerToken(request.headers.get('authorization'));
  if (token === undefined) {
    throw new FirebreakError('UNAUTHORIZED', 'Send an API token as "Authorization: Bearer <token>".');
  }
  const identity = await authenticateApiToken(await getDatabase(), token);
  if (!identity) throw new FirebreakError('UNAUTHORIZED', 'The API token is not valid or has been revoked.');
  return { actor: { kind: 'api-token', id: identity.id, name: identity.name }, role: identity.role };
}

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

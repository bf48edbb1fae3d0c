/** Secrets shorter than this are refused: HS256 wants at least 256 bits of key. */
export const MIN_LINK_SECRET_LENGTH = 32;

export function linkKey(secret: string): Uint8Array {
  if (secret.length < MIN_LINK_SECRET_LENGTH) {
    throw new Error(`the link secret must be at least ${MIN_LINK_SECRET_LENGTH} characters long`);
  }
  return new TextEncoder().encode(secret);
}

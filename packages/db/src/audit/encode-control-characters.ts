// C0 and C1 controls, DEL, and the Unicode line and paragraph separators: anything that could forge a line in a log.
// eslint-disable-next-line no-control-regex -- finding control characters is what this pattern is for
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** The text with every control character written as `\u{XX}`, so a value can never break or forge a log line. */
export function encodeControlCharacters(text: string): string {
  return text.replace(CONTROL, (c) => `\\u{${c.charCodeAt(0).toString(16).padStart(2, '0')}}`);
}

/** The same, applied to every string (keys included) inside a JSON-like value. */
export function encodeControlCharactersDeep(value: unknown): unknown {
  if (typeof value === 'string') return encodeControlCharacters(value);
  if (Array.isArray(value)) return value.map(encodeControlCharactersDeep);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [encodeControlCharacters(k), encodeControlCharactersDeep(v)]),
    );
  }
  return value;
}

/**
 * Temporal refuses a search attribute value over 2 KiB (its default `limit.searchAttributeValueSize`), and a start
 * with such a value fails outright. An incident over hundreds of customers must still start, so the list carries as
 * many ids (in order) as fit; the incident record in the database always holds them all and serves the console's
 * filters.
 */
export const SEARCH_ATTRIBUTE_VALUE_BYTES = 2048;

export function fitKeywordList(values: readonly string[], maxBytes = SEARCH_ATTRIBUTE_VALUE_BYTES): string[] {
  const kept: string[] = [];
  for (const value of values) {
    if (Buffer.byteLength(JSON.stringify([...kept, value])) > maxBytes) break;
    kept.push(value);
  }
  return kept;
}

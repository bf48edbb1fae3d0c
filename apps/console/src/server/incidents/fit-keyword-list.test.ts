import { describe, expect, it } from 'vitest';

import { fitKeywordList, SEARCH_ATTRIBUTE_VALUE_BYTES } from './fit-keyword-list';

describe('fitKeywordList', () => {
  it('keeps a short list whole', () => {
    expect(fitKeywordList(['acme', 'globex'])).toEqual(['acme', 'globex']);
  });

  it('cuts a long list to the first ids that fit in a search attribute value', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `customer-${String(i).padStart(4, '0')}`);
    const kept = fitKeywordList(ids);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(ids.length);
    expect(kept).toEqual(ids.slice(0, kept.length));
    expect(Buffer.byteLength(JSON.stringify(kept))).toBeLessThanOrEqual(SEARCH_ATTRIBUTE_VALUE_BYTES);
    expect(Buffer.byteLength(JSON.stringify(ids.slice(0, kept.length + 1)))).toBeGreaterThan(SEARCH_ATTRIBUTE_VALUE_BYTES);
  });
});

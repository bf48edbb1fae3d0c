import { describe, expect, it } from 'vitest';

import { formatAge, formatTimeLeft, formatUtc } from './format-time';

describe('formatUtc', () => {
  it('shows the UTC time to the second', () => {
    expect(formatUtc('2025-11-27T12:09:34.512Z')).toBe('2025-11-27 12:09:34 UTC');
  });
});

describe('formatAge', () => {
  const now = new Date('2025-11-27T12:00:00Z');
  it.each([
    ['2025-11-27T11:59:15Z', '45 s'],
    ['2025-11-27T11:48:00Z', '12 min'],
    ['2025-11-27T08:55:00Z', '3 h 5 min'],
    ['2025-11-25T08:00:00Z', '2 d 4 h'],
  ])('describes %s as %s', (iso, age) => {
    expect(formatAge(iso, now)).toBe(age);
  });
});

describe('formatTimeLeft', () => {
  const now = new Date('2025-11-27T12:00:00Z');
  it.each([
    ['2025-11-27T12:00:45Z', '45 s left'],
    ['2025-11-27T12:12:05Z', '12 min 5 s left'],
    ['2025-11-27T15:05:00Z', '3 h 5 min left'],
    ['2025-11-29T16:00:00Z', '2 d 4 h left'],
    ['2025-11-27T11:47:55Z', 'overdue by 12 min 5 s'],
  ])('counts down to %s as %s', (deadline, text) => {
    expect(formatTimeLeft(deadline, now)).toBe(text);
  });
});

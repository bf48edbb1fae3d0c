import { describe, expect, it } from 'vitest';

import { decodeCursor, encodeCursor, incidentListHref, parseIncidentListFilters } from './search-incident-list';

describe('incident list query string', () => {
  it('keeps valid filters and drops unreadable ones', () => {
    expect(
      parseIncidentListFilters({
        status: 'contained',
        playbook: 'nope',
        customer: ['acme', 'globex'],
        from: '2026-11-01',
        to: '1 Nov',
        before: '',
      }),
    ).toEqual({ status: 'contained', customer: 'acme', from: '2026-11-01' });
  });

  it('round-trips a cursor and refuses a malformed one', () => {
    const cursor = { declaredAt: '2026-11-27T10:00:00.000Z', id: 'inc-abc' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor('yesterday~inc-abc')).toBeUndefined();
    expect(decodeCursor('2026-11-27T10:00:00.000Z')).toBeUndefined();
  });

  it('builds links that keep the filters', () => {
    expect(incidentListHref({})).toBe('/');
    expect(incidentListHref({ status: 'closed', before: 'old' }, 'x~y')).toBe('/?status=closed&before=x%7Ey');
  });
});

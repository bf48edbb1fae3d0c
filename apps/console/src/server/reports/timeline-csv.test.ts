import { describe, expect, it } from 'vitest';

import { csvField, timelineCsv } from './timeline-csv';

describe('timeline CSV', () => {
  it('quotes fields with commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "yes"')).toBe('"say ""yes"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-1')).toBe("'-1");
  });

  it('writes a header and one row per event', () => {
    const csv = timelineCsv([
      {
        id: 'e1',
        incidentId: 'inc-1',
        at: '2026-11-27T10:00:00.000Z',
        actor: { kind: 'user', id: 'u1', name: 'Ada, on call' },
        kind: 'decision',
        summary: 'Ada decided backup-safe: yes',
        details: { role: 'on-call', choice: 'yes', reason: 'image "clean", verified' },
      },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'at,kind,actor_kind,actor_id,actor_name,role,choice,reason,summary,details',
      '2026-11-27T10:00:00.000Z,decision,user,u1,"Ada, on call",on-call,yes,"image ""clean"", verified",Ada decided backup-safe: yes,' +
        '"{""role"":""on-call"",""choice"":""yes"",""reason"":""image \\""clean\\"", verified""}"',
      '',
    ]);
  });
});

import { renderNotice } from '@firebreak/activities/render';
import { NoticeContent, NoticeKind } from '@firebreak/domain';
import { describe, expect, it } from 'vitest';

import { SAMPLE_NOTICES } from './sample-notices';

describe('notice previews', () => {
  it('have a valid sample of every kind that renders with the link line', () => {
    for (const kind of NoticeKind.options) {
      const sample = NoticeContent.parse(SAMPLE_NOTICES[kind]);
      expect(sample.kind).toBe(kind);
      const rendered = renderNotice(sample, 'Ada Park', 'https://console.example/n/token');
      expect(rendered.text).toContain('Acknowledge or respond: https://console.example/n/token');
      expect(rendered.html).toContain('href="https://console.example/n/token"');
    }
  });
});

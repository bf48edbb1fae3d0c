'use client';

import { useEffect, useState } from 'react';

import { formatUtc } from './format-time';

/** A time in UTC, with the reader's local time in the tooltip (known only in the browser, so set after mount). */
export function UtcTime({ iso }: { iso: string }) {
  const [local, setLocal] = useState<string | undefined>(undefined);
  useEffect(() => {
    setLocal(`Your local time: ${new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' })}`);
  }, [iso]);
  return (
    <time dateTime={iso} title={local}>
      {formatUtc(iso)}
    </time>
  );
}

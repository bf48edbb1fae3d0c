'use client';

import { useEffect, useState } from 'react';

import { formatTimeLeft } from './format-time';

/**
 * Counts down to a deadline every second in the browser. The server renders the time as of the request; the
 * browser takes over after mount, so the first paint and hydration agree.
 */
export function TimeLeft({ deadline, renderedAt }: { deadline: string; renderedAt: string }) {
  const [now, setNow] = useState(() => new Date(renderedAt));
  useEffect(() => {
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  const overdue = new Date(deadline).getTime() < now.getTime();
  return <span className={overdue ? 'time-left overdue' : 'time-left'}>{formatTimeLeft(deadline, now)}</span>;
}

'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** Often enough that what happened shows within 2 seconds. */
const DEFAULT_INTERVAL_MS = 1500;

/**
 * Re-renders the page's server components on an interval, keeping scroll position and whatever is typed into
 * forms. Skips ticks while the tab is hidden; stops once the caller says there is nothing left to watch.
 */
export function AutoRefresh({ active, intervalMs = DEFAULT_INTERVAL_MS }: { active: boolean; intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') router.refresh();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs, router]);
  return null;
}

import type { SlaStanding } from '@firebreak/db';

const SLA: Record<SlaStanding, { symbol: string; words: string; className: string }> = {
  'on-track': { symbol: '✓', words: 'On track', className: 'sla-on-track' },
  warning: { symbol: '⚠', words: 'Deadline near', className: 'sla-warning' },
  breached: { symbol: '✕', words: 'SLA breached', className: 'sla-breached' },
};

/** How an incident stands against its deadlines, in colour, symbol and words. */
export function SlaBadge({ standing }: { standing: SlaStanding }) {
  const { symbol, words, className } = SLA[standing];
  return (
    <span className={`badge ${className}`}>
      <span aria-hidden="true">{symbol}</span> {words}
    </span>
  );
}

import type { Customer } from '@firebreak/domain';

const pad = (n: number) => String(n).padStart(4, '0');

/**
 * `count` customers named `<prefix>-customer-0000`…, each with `technical` designated technical contacts and a manager
 * (who receives no bulletin): enough of a directory to push a notice round past one page.
 */
export function manyCustomers(prefix: string, count: number, technical = 5): Customer[] {
  return Array.from({ length: count }, (_, n) => {
    const id = `${prefix}-customer-${pad(n)}`;
    const domain = `${prefix}-${pad(n)}.example`;
    return {
      id,
      name: `${prefix[0]!.toUpperCase()}${prefix.slice(1)} Customer ${pad(n)}`,
      tenancy: 'multi',
      contacts: [
        ...Array.from({ length: technical }, (_, i) => ({
          id: `${id}-tech-${i + 1}`,
          name: `Engineer ${i + 1} of ${pad(n)}`,
          email: `tech-${i + 1}@${domain}`,
          role: 'designated-technical' as const,
        })),
        { id: `${id}-manager`, name: `Manager of ${pad(n)}`, email: `manager@${domain}`, role: 'management' as const },
      ],
    };
  });
}

import type { Deployment, PlaybookInput } from '@firebreak/domain';

/** Every customer of the incident's deployments, each once, in a stable order. */
export function affectedCustomerIds(input: PlaybookInput): string[] {
  return [...new Set(input.deployments.flatMap((d) => d.customerIds))].sort();
}

/** The deployments of one customer: what that customer's notices may mention. */
export function deploymentsOf(input: PlaybookInput, customerId: string): Deployment[] {
  return input.deployments.filter((d) => d.customerIds.includes(customerId));
}

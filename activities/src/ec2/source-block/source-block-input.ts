import { Deployment, IncidentId } from '@firebreak/domain';
import { z } from 'zod';

import { parseActivityInput } from '../shared/parse-activity-input';
import { SourceCidr } from './source-cidr';

export const SourceBlockInput = z.object({
  incidentId: IncidentId,
  deployment: Deployment,
  /** An IPv4 address or CIDR block; a bare address is blocked as /32. */
  sourceAddress: SourceCidr,
});
export type SourceBlockInput = z.input<typeof SourceBlockInput>;
export type ParsedSourceBlockInput = z.output<typeof SourceBlockInput>;

export function parseSourceBlockInput(input: unknown): ParsedSourceBlockInput {
  return parseActivityInput(SourceBlockInput, input, 'source block');
}

/** One deny entry of a source block, as EC2 holds it. */
export interface SourceBlockAclEntry {
  networkAclId: string;
  /** The deployment's subnets on this ACL. */
  subnetIds: string[];
  ruleNumber: number;
  egress: boolean;
}

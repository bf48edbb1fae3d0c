import type { BucketSpec } from './token-bucket';

export type Ec2BucketName = 'mutating' | 'describe' | 'run-instances' | 'modify-network-interface-attribute' | 'create-tags';

/**
 * AWS's documented default request-rate buckets for the EC2 API, per account and region. A few actions have a
 * bucket of their own; every other action spends from the non-mutating (describe) or the mutating bucket.
 */
export const EC2_DEFAULT_BUCKETS: Record<Ec2BucketName, BucketSpec> = {
  mutating: { capacity: 50, refillPerSecond: 5 },
  describe: { capacity: 100, refillPerSecond: 20 },
  'run-instances': { capacity: 5, refillPerSecond: 2 },
  'modify-network-interface-attribute': { capacity: 100, refillPerSecond: 5 },
  'create-tags': { capacity: 100, refillPerSecond: 10 },
};

const OWN_BUCKETS: Record<string, Ec2BucketName> = {
  RunInstances: 'run-instances',
  ModifyNetworkInterfaceAttribute: 'modify-network-interface-attribute',
  CreateTags: 'create-tags',
};

const NON_MUTATING_PREFIXES = ['Describe', 'Get', 'List', 'Search'];

/** The bucket an EC2 action spends from, by its action name (`DescribeInstances`) or SDK command name. */
export function ec2BucketFor(action: string): Ec2BucketName {
  const name = action.replace(/Command$/, '');
  const own = OWN_BUCKETS[name];
  if (own) return own;
  return NON_MUTATING_PREFIXES.some((prefix) => name.startsWith(prefix)) ? 'describe' : 'mutating';
}

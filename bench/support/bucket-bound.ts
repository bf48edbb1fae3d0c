import { EC2_DEFAULT_BUCKETS, ec2BucketFor, type Ec2BucketName } from '@firebreak/aws';

/**
 * The shortest time AWS's default buckets allow for these calls, starting from full buckets: per bucket, what the
 * burst does not cover at the refill rate; the buckets refill side by side, so the slowest one decides.
 */
export function bucketBoundSeconds(callsByAction: Record<string, number>): { seconds: number; byBucket: Record<string, number> } {
  const byBucket: Partial<Record<Ec2BucketName, number>> = {};
  for (const [action, calls] of Object.entries(callsByAction)) {
    const bucket = ec2BucketFor(action);
    byBucket[bucket] = (byBucket[bucket] ?? 0) + calls;
  }
  let seconds = 0;
  for (const [bucket, calls] of Object.entries(byBucket) as [Ec2BucketName, number][]) {
    const { capacity, refillPerSecond } = EC2_DEFAULT_BUCKETS[bucket];
    seconds = Math.max(seconds, Math.max(0, calls - capacity) / refillPerSecond);
  }
  return { seconds, byBucket };
}

/** Calls made between two snapshots of a proxy's per-action counts. */
export function callsBetween(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const calls: Record<string, number> = {};
  for (const [action, n] of Object.entries(after)) {
    const made = n - (before[action] ?? 0);
    if (made > 0) calls[action] = made;
  }
  return calls;
}

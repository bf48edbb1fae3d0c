/** AWS SDK v3 errors carry the EC2 error code as their name. */
export function isAwsError(error: unknown, ...codes: string[]): boolean {
  return error instanceof Error && codes.includes(error.name);
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** EC2 accepts at most 200 values per describe filter. */
export const FILTER_VALUES_MAX = 200;

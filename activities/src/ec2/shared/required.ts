/** A value an AWS answer must carry; its absence is a broken answer, worth a retry. */
export function required<T>(value: T | undefined | null, message: string): T {
  if (value === undefined || value === null) throw new Error(message);
  return value;
}

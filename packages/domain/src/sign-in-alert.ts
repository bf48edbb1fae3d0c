import { z } from 'zod';

/** The workflow that tells operations a sign-in source was blocked (the console starts it, the worker sends the mail). */
export const SIGN_IN_ALERT_WORKFLOW_TYPE = 'signInSourceBlockedAlert';

export const SignInSourceBlocked = z.object({
  /** As the console saw it: an IPv4 or IPv6 address, or `unknown` when no proxy named one. */
  sourceAddress: z.union([z.string().regex(/^[0-9a-fA-F:.]{2,45}$/, 'an IPv4 or IPv6 address'), z.literal('unknown')]),
  blockedUntil: z.iso.datetime(),
  /** Failed sign-ins from the source that set the block off. */
  failures: z.number().int().positive(),
  /** The policy's operations address at the time. */
  to: z.email(),
});
export type SignInSourceBlocked = z.infer<typeof SignInSourceBlocked>;

/** One alert per block: starting it again for the same block finds the first run. */
export function signInAlertWorkflowId(block: Pick<SignInSourceBlocked, 'sourceAddress' | 'blockedUntil'>): string {
  return `sign-in-source-blocked-${block.sourceAddress}-${block.blockedUntil}`;
}

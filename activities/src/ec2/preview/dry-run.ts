import type { DryRunCheck, DryRunOutcome } from '@firebreak/domain';

/**
 * Calls the local EC2 emulator (moto 5.2) performs even when DryRun is set: sent to it, a probe would change the
 * fleet. They are reported as not checked there; AWS honours DryRun for every call.
 */
export const EMULATOR_IGNORES_DRY_RUN: ReadonlySet<string> = new Set([
  'CreateNetworkAcl',
  'CreateNetworkAclEntry',
  'ReplaceNetworkAclAssociation',
]);

export interface DryRunOptions {
  /** The EC2 endpoint is the local emulator. */
  emulated: boolean;
}

/** One mutating call to try with DryRun. `send` must set `DryRun: true` on the command it sends. */
export interface DryRunProbe {
  action: string;
  /** The resource it is tried on; null when the deployment has none (nothing to check). */
  target: string | null;
  /** Why there is no target, when there is none. */
  nothingToTry?: string;
  send: () => Promise<unknown>;
}

/** Sends the probe with DryRun and reads EC2's answer as a permission verdict. Never throws. */
export async function tryDryRun(probe: DryRunProbe, { emulated }: DryRunOptions): Promise<DryRunCheck> {
  const { action, target } = probe;
  if (target === null) {
    return { action, target, outcome: 'not-checked', detail: probe.nothingToTry ?? 'The deployment has nothing of this kind.' };
  }
  if (emulated && EMULATOR_IGNORES_DRY_RUN.has(action)) {
    return { action, target, outcome: 'not-checked', detail: 'Not sent: the EC2 emulator performs this call even with DryRun set.' };
  }
  try {
    await probe.send();
  } catch (error) {
    return { action, target, ...classifyDryRunError(error) };
  }
  return { action, target, outcome: 'dry-run-ignored', detail: 'The EC2 endpoint performed the call instead of a dry run.' };
}

/**
 * EC2 answers a DryRun with an error either way: DryRunOperation when the call would have succeeded,
 * UnauthorizedOperation when the credentials lack the permission. Anything else is the call's own problem.
 */
export function classifyDryRunError(error: unknown): { outcome: DryRunOutcome; detail: string } {
  const code = error instanceof Error ? error.name : '';
  if (code === 'DryRunOperation') return { outcome: 'allowed', detail: 'EC2 would accept the call.' };
  // The message carries an encoded authorization report: long, and only for an administrator to decode.
  if (code === 'UnauthorizedOperation') {
    return { outcome: 'refused', detail: 'EC2 would refuse it: the credentials lack this permission.' };
  }
  if (isEc2ServiceError(error)) return { outcome: 'failed', detail: `${code}: ${error.message.slice(0, 300)}` };
  // A network failure's message names hosts and ports: say what happened, not where.
  return { outcome: 'failed', detail: 'EC2 did not answer.' };
}

function isEc2ServiceError(error: unknown): error is Error {
  return error instanceof Error && '$metadata' in error && '$fault' in error;
}

import type { SignInSourceBlocked } from '@firebreak/domain';

import { mail } from '../support/activity-proxies';

/**
 * Tells operations that the console blocked a sign-in source. The console starts this once per block (the workflow id
 * is the block's); the worker holds the SMTP relay and its credentials, and retries while the relay is down.
 */
export async function signInSourceBlockedAlert(block: SignInSourceBlocked): Promise<void> {
  await mail.sendSignInSourceBlockedAlert(block);
}

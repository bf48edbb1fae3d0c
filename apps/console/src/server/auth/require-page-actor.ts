import { FirebreakError } from '@firebreak/domain';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';

import type { Permission } from './permissions';
import { type Caller, identify, requireActorFrom } from './require-actor';

/**
 * For pages: the signed-in caller holding the permission. Nobody signed in goes to the sign-in page; a role without
 * the permission is told so on a page of its own.
 */
export async function requirePageActor(permission: Permission): Promise<Caller> {
  try {
    return await requireActorFrom({ headers: await headers(), method: 'GET' }, permission);
  } catch (error) {
    if (error instanceof FirebreakError && error.code === 'UNAUTHORIZED') redirect('/sign-in');
    if (error instanceof FirebreakError && error.code === 'FORBIDDEN') {
      redirect((await currentCaller())?.passwordExpired ? '/account?expired=1' : '/not-permitted');
    }
    throw error;
  }
}

/** For the account page: whoever is signed in, even with an expired password (which is what the page is for). */
export async function requireSignedIn(): Promise<Caller> {
  const caller = await currentCaller();
  if (!caller || caller.via !== 'session') redirect('/sign-in');
  return caller;
}

/** For server actions (always POSTs): the caller holding the permission, Origin checked; throws FirebreakError. */
export async function requireActionActor(permission: Permission): Promise<Caller> {
  return requireActorFrom({ headers: await headers(), method: 'POST' }, permission);
}

/** Who is signed in, if anyone: for the layout's navigation. */
export async function currentCaller(): Promise<Caller | undefined> {
  try {
    return await identify({ headers: await headers(), method: 'GET' });
  } catch {
    return undefined;
  }
}

/** For server actions any signed-in person may use (their own account): the caller, Origin checked. */
export async function identifyForAction(): Promise<Caller> {
  return identify({ headers: await headers(), method: 'POST' });
}

'use server';

import { revalidatePath } from 'next/cache';

import { createUserAccount } from '@/server/accounts/create-user-account';
import { updateUserAccount } from '@/server/accounts/update-user-account';
import { requireActionActor } from '@/server/auth/require-page-actor';
import { toFormError } from '@/server/form-errors';

export interface UserFormState {
  message?: string;
  fieldErrors: Record<string, string>;
  done?: string;
  /** What was typed (never the password), so a refused form keeps it. */
  values?: Record<string, string>;
}

export async function createUserAction(_previous: UserFormState, form: FormData): Promise<UserFormState> {
  const values = {
    username: String(form.get('username') ?? ''),
    displayName: String(form.get('displayName') ?? ''),
    role: String(form.get('role') ?? ''),
  };
  try {
    const caller = await requireActionActor('users:manage');
    const user = await createUserAccount(caller, {
      username: String(form.get('username') ?? ''),
      displayName: String(form.get('displayName') ?? ''),
      role: String(form.get('role') ?? ''),
      password: String(form.get('password') ?? ''),
    });
    revalidatePath('/admin/users');
    return { fieldErrors: {}, done: `Account ${user.username} created. Hand over the first password in person or by another channel.` };
  } catch (error) {
    return { ...toFormError(error), values };
  }
}

export async function updateUserAction(userId: string, _previous: UserFormState, form: FormData): Promise<UserFormState> {
  try {
    const caller = await requireActionActor('users:manage');
    const role = form.get('role');
    const disabled = form.get('disabled');
    await updateUserAccount(caller, userId, {
      ...(typeof role === 'string' ? { role } : {}),
      ...(typeof disabled === 'string' ? { disabled: disabled === 'true' } : {}),
    });
    revalidatePath('/admin/users');
    return { fieldErrors: {}, done: 'Saved.' };
  } catch (error) {
    return toFormError(error);
  }
}

'use server';

import { changePassword } from '@/server/accounts/change-password';
import { identifyForAction } from '@/server/auth/require-page-actor';
import { toFormError } from '@/server/form-errors';

export interface PasswordFormState {
  message?: string;
  fieldErrors: Record<string, string>;
  done?: boolean;
}

export async function changePasswordAction(_previous: PasswordFormState, form: FormData): Promise<PasswordFormState> {
  const newPassword = String(form.get('newPassword') ?? '');
  if (newPassword !== String(form.get('confirmPassword') ?? '')) {
    return { message: 'The two new passwords differ.', fieldErrors: { confirmPassword: 'Type the same new password twice.' } };
  }
  try {
    const caller = await identifyForAction();
    await changePassword(caller, { currentPassword: String(form.get('currentPassword') ?? ''), newPassword });
    return { fieldErrors: {}, done: true };
  } catch (error) {
    return toFormError(error);
  }
}

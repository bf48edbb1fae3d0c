'use server';

import { revalidatePath } from 'next/cache';

import { updateSecuritySettings } from '@/server/accounts/security-settings';
import { requireActionActor } from '@/server/auth/require-page-actor';
import { toFormError } from '@/server/form-errors';

export interface SecurityFormState {
  message?: string;
  fieldErrors: Record<string, string>;
  done?: boolean;
}

const number = (form: FormData, name: string) => Number(String(form.get(name) ?? '').trim() || Number.NaN);

export async function saveSecuritySettingsAction(_previous: SecurityFormState, form: FormData): Promise<SecurityFormState> {
  try {
    const caller = await requireActionActor('security-settings:manage');
    await updateSecuritySettings(caller, {
      password: { mode: String(form.get('mode') ?? ''), minLength: number(form, 'minLength'), expiryDays: number(form, 'expiryDays') },
      lockout: { maxFailedAttempts: number(form, 'maxFailedAttempts'), lockoutSeconds: number(form, 'lockoutMinutes') * 60 },
      signInBanner: String(form.get('signInBanner') ?? ''),
      sessionHours: number(form, 'sessionHours'),
    });
    revalidatePath('/admin/security');
    return { fieldErrors: {}, done: true };
  } catch (error) {
    return toFormError(error);
  }
}

'use server';

import { FirebreakError } from '@firebreak/domain';

import { requireActionActor } from '@/server/auth/require-page-actor';
import { importDirectory } from '@/server/directory/save-directory';

export interface DirectoryFormState {
  yaml: string;
  message?: string;
  problems?: { path: string; message: string }[];
  saved?: boolean;
}

export async function importDirectoryAction(_state: DirectoryFormState, form: FormData): Promise<DirectoryFormState> {
  const yaml = String(form.get('yaml') ?? '');
  try {
    const caller = await requireActionActor('directory:write');
    const imported = await importDirectory({ caller, channel: 'console' }, yaml);
    return { yaml, saved: true, message: `Saved ${imported.customers} customer(s) and ${imported.deployments} deployment(s).` };
  } catch (error) {
    if (error instanceof FirebreakError) return { yaml, message: error.message, problems: error.fieldErrors };
    throw error;
  }
}

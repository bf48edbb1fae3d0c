import { declarationFromForm } from './declaration-from-form';
import type { DeclareFormValues } from './declare-form-state';

/** The declare form's values, as submitted (or as they stand, read from the form element). */
export function formValuesOf(form: FormData): DeclareFormValues {
  const text = (name: string) => String(form.get(name) ?? '');
  return {
    playbook: text('playbook'),
    deploymentIds: form.getAll('deploymentIds').map(String),
    severity: text('severity'),
    summary: text('summary'),
    sourceAddress: text('sourceAddress'),
    vulnerability: {
      reference: text('vulnerability.reference'),
      title: text('vulnerability.title'),
      component: text('vulnerability.component'),
      discoveredAt: text('vulnerability.discoveredAt'),
      notExploitableBecause: text('vulnerability.notExploitableBecause'),
    },
  };
}

/** Identifies what a preview was made for: the declaration these values would send. */
export function declarationFingerprint(values: DeclareFormValues): string {
  return JSON.stringify(declarationFromForm(values));
}

import { type DeclareFormValues, VULNERABILITY_PLAYBOOKS } from './declare-form-state';

/**
 * The API's declaration body from the form's values. Fields that do not belong to the chosen playbook are left out;
 * empty ones are sent empty so the same validation as the API's names them.
 */
export function declarationFromForm(values: DeclareFormValues): Record<string, unknown> {
  const { playbook, deploymentIds, severity, summary } = values;
  const body: Record<string, unknown> = { playbook, deploymentIds, severity, summary };
  if (playbook === 'suspicious-activity') {
    const sourceAddress = values.sourceAddress.trim();
    if (sourceAddress !== '') body.sourceAddress = sourceAddress;
  }
  if (VULNERABILITY_PLAYBOOKS.includes(playbook)) {
    const { reference, title, component, discoveredAt, notExploitableBecause } = values.vulnerability;
    body.vulnerability = {
      reference,
      title,
      component,
      discoveredAt: utcFromInput(discoveredAt),
      ...(playbook === 'non-exploitable-vulnerability' && notExploitableBecause.trim() !== '' ? { notExploitableBecause } : {}),
    };
  }
  return body;
}

/** A datetime-local value (`2025-11-27T10:00`, no zone) read as UTC, which is how the console shows every time. */
export function utcFromInput(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return `${value}:00Z`;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/.test(value)) return `${value}Z`;
  return value;
}

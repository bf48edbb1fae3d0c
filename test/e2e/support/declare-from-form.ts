import type { PlaybookId, Vulnerability } from '@firebreak/domain';
import type { Page } from 'playwright-core';

export interface FormDeclaration {
  playbook: PlaybookId;
  deploymentIds: string[];
  summary: string;
  sourceAddress?: string;
  vulnerability?: Vulnerability;
}

/** Fills the declare form as an engineer does, on /incidents/new. */
export async function fillDeclareForm(page: Page, declaration: FormDeclaration): Promise<void> {
  await page.goto('/incidents/new');
  for (const id of declaration.deploymentIds) await page.locator(`input[name="deploymentIds"][value="${id}"]`).check();
  await page.getByLabel('Playbook').selectOption(declaration.playbook);
  if (declaration.sourceAddress !== undefined) await page.getByLabel('Source address to block').fill(declaration.sourceAddress);
  const vulnerability = declaration.vulnerability;
  if (vulnerability) {
    await page.getByLabel('Reference (CVE or bulletin id)').fill(vulnerability.reference);
    await page.getByLabel('Title', { exact: true }).fill(vulnerability.title);
    await page.getByLabel('Affected component').fill(vulnerability.component);
    // The input takes minutes, read as UTC.
    await page.getByLabel('Discovered at (UTC)').fill(vulnerability.discoveredAt.slice(0, 16));
    if (vulnerability.notExploitableBecause) {
      await page.getByLabel('Why it is not exploitable').fill(vulnerability.notExploitableBecause);
    }
  }
  await page.getByLabel('What happened').fill(declaration.summary);
}

/**
 * Submits the filled form and returns the new incident's id from the page it lands on. If the form asks for a
 * preview of the changes before it lets the engineer declare, the preview is taken first.
 */
export async function submitDeclareForm(page: Page): Promise<string> {
  const declare = page.getByRole('button', { name: /^Declare/ });
  if (!(await declare.isVisible()) || !(await declare.isEnabled())) {
    await page.getByRole('button', { name: /^Preview/ }).click();
  }
  await declare.click();
  await page.waitForURL(/\/incidents\/inc-[a-z0-9-]+$/, { timeout: 30_000 });
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** Fills and submits the declare form; the incident's id. */
export async function declareFromForm(page: Page, declaration: FormDeclaration): Promise<string> {
  await fillDeclareForm(page, declaration);
  return submitDeclareForm(page);
}

import { type GateId, GATES } from '@firebreak/domain';
import type { Locator, Page } from 'playwright-core';

import { waitUntil } from '../../support/wait-until';

export interface CardDecision {
  gate: GateId;
  /** The choice's value, as the API names it. */
  choice: string;
  reason: string;
  /** Values the gate asks for (e.g. version, imageId), by their API names. */
  parameters?: Record<string, string>;
  /** For a gate asked of one customer: that customer's name, as the card shows it. */
  customerName?: string;
}

/** The card of a pending decision on the incident page, once it is shown. */
export async function decisionCard(page: Page, gate: GateId, customerName?: string, timeoutMs = 120_000): Promise<Locator> {
  let card = page.locator('form.decision-card', { hasText: GATES[gate].question });
  if (customerName) card = card.filter({ hasText: `For ${customerName}.` });
  await card.first().waitFor({ timeout: timeoutMs });
  return card.first();
}

/**
 * Takes a decision from its card on the incident page, as an engineer does: answer, values, reason, Decide. Returns
 * once the decision is on the page's timeline; a refusal shown on the card fails at once with its words.
 */
export async function decideOnCard(page: Page, decision: CardDecision): Promise<void> {
  const card = await decisionCard(page, decision.gate, decision.customerName);
  const taken = page.locator('ol.timeline li', { hasText: `decided ${decision.gate}: ${decision.choice}` });
  const before = await taken.count();
  await card.locator(`input[name="choice"][value="${decision.choice}"]`).check();
  for (const [name, value] of Object.entries(decision.parameters ?? {})) {
    await card.locator(`input[name="parameters.${name}"]`).fill(value);
  }
  await card.getByLabel('Reason').fill(decision.reason);
  await card.getByRole('button', { name: 'Decide' }).click();
  await waitUntil(
    `the ${decision.gate} decision is on the timeline`,
    async () => {
      const refusal = card.locator('.form-error, .field-error');
      if ((await refusal.count()) > 0) throw new Error(`the card refused the decision: ${await refusal.allInnerTexts()}`);
      return (await taken.count()) > before;
    },
    { timeoutMs: 30_000 },
  );
}

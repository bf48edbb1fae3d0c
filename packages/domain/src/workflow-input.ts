import { z } from 'zod';

import { Actor } from './actor';
import { Deployment } from './directory';
import { IncidentId } from './ids';
import { Severity, SourceAddress, Vulnerability } from './incident';
import { PlaybookId } from './playbook';
import { Policy } from './policy';

/**
 * What a playbook workflow starts with. The deployments are resolved from the directory when the incident is
 * declared and carried in the input, so the workflow history alone shows what was targeted.
 */
export const PlaybookInput = z.object({
  incidentId: IncidentId,
  playbook: PlaybookId,
  severity: Severity,
  summary: z.string(),
  deployments: z.array(Deployment).min(1),
  declaredBy: Actor,
  /** The policy in force when the incident was declared; its clocks never move afterwards. */
  policy: Policy,
  sourceAddress: SourceAddress.optional(),
  vulnerability: Vulnerability.optional(),
});
export type PlaybookInput = z.infer<typeof PlaybookInput>;

/** Custom search attributes registered on the Temporal server; the console filters incidents by these. */
export const SEARCH_ATTRIBUTES = {
  playbook: 'FirebreakPlaybook',
  status: 'FirebreakStatus',
  severity: 'FirebreakSeverity',
  customerIds: 'FirebreakCustomerIds',
  deploymentIds: 'FirebreakDeploymentIds',
} as const;

/** Names and Temporal types, in the form `temporal server start-dev --search-attribute` takes. */
export const SEARCH_ATTRIBUTE_TYPES: Record<(typeof SEARCH_ATTRIBUTES)[keyof typeof SEARCH_ATTRIBUTES], 'Keyword' | 'KeywordList'> = {
  FirebreakPlaybook: 'Keyword',
  FirebreakStatus: 'Keyword',
  FirebreakSeverity: 'Keyword',
  FirebreakCustomerIds: 'KeywordList',
  FirebreakDeploymentIds: 'KeywordList',
};

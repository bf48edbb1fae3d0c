import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

import { SEARCH_ATTRIBUTES } from './workflow-input';

/** Typed keys for the custom search attributes, shared by the console (start, list) and the workflows (upsert). */
export const SEARCH_ATTRIBUTE_KEYS = {
  playbook: defineSearchAttributeKey(SEARCH_ATTRIBUTES.playbook, SearchAttributeType.KEYWORD),
  status: defineSearchAttributeKey(SEARCH_ATTRIBUTES.status, SearchAttributeType.KEYWORD),
  severity: defineSearchAttributeKey(SEARCH_ATTRIBUTES.severity, SearchAttributeType.KEYWORD),
  customerIds: defineSearchAttributeKey(SEARCH_ATTRIBUTES.customerIds, SearchAttributeType.KEYWORD_LIST),
  deploymentIds: defineSearchAttributeKey(SEARCH_ATTRIBUTES.deploymentIds, SearchAttributeType.KEYWORD_LIST),
} as const;

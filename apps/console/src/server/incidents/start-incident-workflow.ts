import {
  incidentWorkflowId,
  PLAYBOOK_WORKFLOW_TYPES,
  type PlaybookInput,
  SEARCH_ATTRIBUTE_KEYS as SEARCH_KEYS,
  TASK_QUEUE,
} from '@firebreak/domain';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';

import { withTemporal } from '../temporal-errors';
import { fitKeywordList } from './fit-keyword-list';

/**
 * Starts the incident's playbook workflow, or does nothing if it already exists. The workflow id comes from the
 * incident id; a running workflow is reused and a finished one is never started again, so repeating this call
 * after a crash or a retried request is always safe.
 */
export async function startIncidentWorkflow(input: PlaybookInput): Promise<void> {
  const customerIds = [...new Set(input.deployments.flatMap((d) => d.customerIds))].sort();
  await withTemporal(async (client) => {
    try {
      await client.workflow.start(PLAYBOOK_WORKFLOW_TYPES[input.playbook], {
        workflowId: incidentWorkflowId(input.incidentId),
        taskQueue: TASK_QUEUE,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: [
          { key: SEARCH_KEYS.playbook, value: input.playbook },
          { key: SEARCH_KEYS.status, value: 'declared' },
          { key: SEARCH_KEYS.severity, value: input.severity },
          { key: SEARCH_KEYS.customerIds, value: fitKeywordList(customerIds) },
          { key: SEARCH_KEYS.deploymentIds, value: fitKeywordList(input.deployments.map((d) => d.id)) },
        ],
      });
    } catch (error) {
      // The run already finished: the incident's work is done, nothing to start.
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  });
}

import { currentPolicy } from '@firebreak/db';
import {
  FirebreakError,
  SIGN_IN_ALERT_WORKFLOW_TYPE,
  signInAlertWorkflowId,
  type SignInSourceBlocked,
  SYSTEM_ACTOR,
  TASK_QUEUE,
} from '@firebreak/domain';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';

import { recordAudit } from '../audit/record-audit';
import { callWithTimeout } from '../call-with-timeout';
import { getDatabase } from '../database';
import { withTemporal } from '../temporal-errors';

/** Long enough for a healthy orchestrator; short enough that a sign-in answer is never held up for long. */
const START_TIMEOUT_MS = 5_000;

/**
 * Alerts operations that a sign-in source was just blocked. The console holds no SMTP credentials: it starts a small
 * workflow (one per block, by id) and the worker sends the mail through the same relay and retries as incident
 * alerts. A source on the console is not a deployment, so no playbook runs and nothing changes in EC2. If the
 * orchestrator cannot be reached, the audit log says the alert did not go out.
 */
export async function alertSourceBlocked(block: Omit<SignInSourceBlocked, 'to'>): Promise<void> {
  const workflowId = signInAlertWorkflowId(block);
  const audit = { actor: SYSTEM_ACTOR, sourceAddress: block.sourceAddress };
  try {
    const { operationsEmail } = await currentPolicy(await getDatabase());
    const alert: SignInSourceBlocked = { ...block, to: operationsEmail };
    await withTemporal((client) =>
      callWithTimeout(client, START_TIMEOUT_MS, () =>
        client.workflow.start(SIGN_IN_ALERT_WORKFLOW_TYPE, {
          workflowId,
          taskQueue: TASK_QUEUE,
          args: [alert],
          workflowIdConflictPolicy: 'USE_EXISTING',
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        }),
      ),
    );
    await recordAudit({
      ...audit,
      severity: 'notice',
      eventType: 'operations.alerted',
      details: { about: 'sign-in.source-blocked', to: operationsEmail, workflowId },
    });
  } catch (error) {
    // This block's alert ran already and finished: operations have it.
    if (error instanceof WorkflowExecutionAlreadyStartedError) return;
    // ORCHESTRATOR_UNAVAILABLE rather than its message, which speaks to someone repeating an API request.
    const reason = error instanceof FirebreakError ? error.code : error instanceof Error ? error.message.slice(0, 300) : 'unknown error';
    console.error(`[alert] operations not alerted about blocked sign-in source ${block.sourceAddress}: ${reason}`);
    await recordAudit({
      ...audit,
      severity: 'alert',
      eventType: 'operations.alert-failed',
      details: { about: 'sign-in.source-blocked', workflowId, reason },
    });
  }
}

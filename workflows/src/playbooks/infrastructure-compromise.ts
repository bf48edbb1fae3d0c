import { allHandlersFinished, condition, executeChild, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  CloseIncidentRequest,
  incidentWorkflowId,
  type IncidentStatus,
  PLAYBOOKS,
  type PlaybookInput,
} from '@firebreak/domain';
import { disconnectDeployment, type DisconnectDeploymentResult } from '../building-blocks/disconnect-deployment';
import { notifyDesignatedContacts } from '../building-blocks/notify-designated-contacts';
import { closeIncidentUpdate, incidentStateQuery, type IncidentState } from '../messages';
import { now, recordEvent, runStep, setStatus } from '../support/incident-journal';

/**
 * Playbook 1, infrastructure compromised: disconnect every affected deployment from public access at once,
 * tell each affected customer's designated technical contacts what happened, then hold the incident open
 * (contained) until an engineer closes it with a reason.
 */
export async function infrastructureCompromise(input: PlaybookInput): Promise<IncidentState> {
  const { incidentId } = input;
  const state: IncidentState = { incidentId, status: 'declared', containment: [], noticesSent: 0, noticeFailures: [] };
  let closeRequest: CloseIncidentRequest | undefined;

  setHandler(incidentStateQuery, () => state);
  setHandler(
    closeIncidentUpdate,
    async (request) => {
      closeRequest = request;
      await condition(() => state.status === 'closed');
    },
    {
      validator: (request) => {
        CloseIncidentRequest.parse(request);
        if (state.status !== 'contained' && state.status !== 'failed') {
          throw new Error(`the incident is ${state.status}; it can be closed once it is contained`);
        }
        if (closeRequest) throw new Error('the incident is already being closed');
      },
    },
  );

  const moveTo = async (status: IncidentStatus) => {
    state.status = status;
    await setStatus(incidentId, status);
  };

  await recordEvent(incidentId, 'status', `Playbook started: ${PLAYBOOKS[input.playbook].title}`, {
    playbook: input.playbook,
    severity: input.severity,
    deploymentIds: input.deployments.map((d) => d.id),
  }, input.declaredBy);
  await moveTo('active');

  try {
    state.containment = await runStep(incidentId, 'disconnect', () =>
      Promise.all(
        input.deployments.map((deployment) =>
          executeChild(disconnectDeployment, {
            workflowId: `${incidentWorkflowId(incidentId)}/disconnect/${deployment.id}`,
            args: [{ incidentId, deployment }],
          }),
        ),
      ),
    );
    const containedAt = now();
    const notified = await runStep(incidentId, 'notify', () =>
      notifyDesignatedContacts({
        incidentId,
        customerIds: [...new Set(input.deployments.flatMap((d) => d.customerIds))],
        noticeFor: (customer) => ({
          incidentId,
          playbookTitle: PLAYBOOKS[input.playbook].title,
          severity: input.severity,
          summary: input.summary,
          declaredAt: workflowInfo().startTime.toISOString(),
          containedAt,
          customerName: customer.name,
          deployments: input.deployments
            .filter((d) => d.customerIds.includes(customer.id))
            .map((d) => toNoticeDeployment(d.id, d.name, state.containment)),
        }),
      }),
    );
    state.noticesSent = notified.sent;
    state.noticeFailures = notified.failed;
    await moveTo('contained');
  } catch {
    // The failing step is already on the timeline with its reason; the incident waits for an engineer.
    await moveTo('failed');
  }

  await condition(() => closeRequest !== undefined);
  const request = closeRequest!;
  await runStep(incidentId, 'close', () =>
    recordEvent(incidentId, 'decision', `Closed by ${request.actor.name}: ${request.reason}`, { reason: request.reason }, request.actor),
  );
  await moveTo('closed');
  await condition(allHandlersFinished);
  return state;
}

function toNoticeDeployment(id: string, name: string, containment: DisconnectDeploymentResult[]) {
  const result = containment.find((c) => c.deploymentId === id);
  return { id, name, instancesIsolated: result?.instancesIsolated ?? 0, addressesReleased: result?.addressesReleased ?? 0 };
}

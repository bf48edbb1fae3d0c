import {
  DeferralRequest,
  type Deployment,
  FAILURE,
  fieldErrorsOf,
  INCIDENT_UPDATES,
  type MaintenancePlan,
  PLAYBOOKS,
} from '@firebreak/domain';
import { condition, defineUpdate, setHandler, sleep } from '@temporalio/workflow';

import { notifyCustomers } from '../building-blocks/notify-customers';
import { slowEc2 } from '../support/activity-proxies';
import { affectedCustomerIds, deploymentsOf } from '../support/customers';
import { now, recordEvent } from '../support/incident-journal';
import type { IncidentRun } from '../support/incident-run';
import { refusal } from '../support/update-refusal';

export const requestDeferralUpdate = defineUpdate<MaintenancePlan, [DeferralRequest]>(INCIDENT_UPDATES.requestDeferral);

export interface MaintenanceOptions {
  reference: string;
  version: string;
  imageId: string;
  /** When single-tenant windows open; multi-tenant deployments are upgraded at `multiTenantAt`. */
  singleTenantWindow: string;
  multiTenantAt: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Scheduled maintenance with single-tenant deferral: multi-tenant deployments are upgraded at once (or at the next
 * update train); each single-tenant customer gets a proposed window and may move it, once or more, to an agreed time
 * no later than the policy's limit; each move is confirmed by email, a reminder goes out before the window, and the
 * upgrade runs when the (durable) timer fires. Upgrades replace instances from the patched image, immutable style.
 */
export async function scheduleAndUpgrade(run: IncidentRun, options: MaintenanceOptions): Promise<MaintenancePlan[]> {
  const { input } = run;
  const limitMs = input.policy.deferralLimitSeconds * 1000;
  const plans: MaintenancePlan[] = input.deployments.map((d) => ({
    deploymentId: d.id,
    tenancy: d.tenancy,
    window: d.tenancy === 'multi' ? options.multiTenantAt : options.singleTenantWindow,
    deferrableUntil: d.tenancy === 'single' ? iso(Date.parse(options.singleTenantWindow) + limitMs) : null,
    status: 'scheduled',
    deferredBy: null,
  }));
  run.state.facts.maintenance = plans;

  setHandler(requestDeferralUpdate, (request) => acceptDeferral(run, plans, request), {
    validator: (request) => validateDeferral(plans, request),
  });

  await notifyCustomers(run, {
    customerIds: affectedCustomerIds(input),
    contentFor: (customerId) => ({
      kind: 'maintenance-schedule',
      incidentId: run.incidentId,
      playbookTitle: PLAYBOOKS[input.playbook].title,
      severity: input.severity,
      reference: options.reference,
      version: options.version,
      deployments: deploymentsOf(input, customerId).map((d) => {
        const plan = plans.find((p) => p.deploymentId === d.id)!;
        return {
          id: d.id,
          name: d.name,
          tenancy: d.tenancy,
          window: plan.window,
          ...(plan.deferrableUntil ? { deferrableUntil: plan.deferrableUntil } : {}),
        };
      }),
    }),
  });

  await Promise.all(
    input.deployments.map((d) =>
      upgradeWhenDue(
        run,
        d,
        plans.find((p) => p.deploymentId === d.id)!,
        options,
      ),
    ),
  );
  return plans;
}

function validateDeferral(plans: MaintenancePlan[], raw: DeferralRequest): void {
  const parsed = DeferralRequest.safeParse(raw);
  if (!parsed.success) {
    throw refusal(FAILURE.DEFERRAL_INVALID, 'the deferral request is not valid', { fieldErrors: fieldErrorsOf(parsed.error) });
  }
  const request = parsed.data;
  const refuse = (path: 'deploymentId' | 'until', message: string) =>
    refusal(FAILURE.DEFERRAL_REFUSED, message, { fieldErrors: [{ path, message }] });
  const plan = plans.find((p) => p.deploymentId === request.deploymentId);
  if (!plan) throw refuse('deploymentId', `deployment ${request.deploymentId} is not part of this maintenance`);
  if (plan.tenancy !== 'single') throw refuse('deploymentId', 'multi-tenant deployments are upgraded at once');
  if (plan.status !== 'scheduled') throw refuse('deploymentId', `the upgrade is already ${plan.status}`);
  const until = Date.parse(request.until);
  if (until <= Date.now()) throw refuse('until', 'the new window must be in the future');
  if (until > Date.parse(plan.deferrableUntil!)) {
    throw refuse('until', `the latest window the policy allows is ${plan.deferrableUntil}`);
  }
}

async function acceptDeferral(run: IncidentRun, plans: MaintenancePlan[], request: DeferralRequest): Promise<MaintenancePlan> {
  const plan = plans.find((p) => p.deploymentId === request.deploymentId)!;
  // Counted before any await, so two moves handled concurrently still get distinct confirmation revisions.
  const revision = ((run.state.facts.deferrals as number | undefined) ?? 0) + 1;
  run.state.facts.deferrals = revision;
  plan.window = iso(Date.parse(request.until));
  plan.deferredBy = request.actor.name;
  await recordEvent(
    run.incidentId,
    'decision',
    `${request.actor.name} (${request.role}) moved the maintenance of ${request.deploymentId} to ${plan.window}`,
    { deploymentId: request.deploymentId, until: plan.window, reason: request.reason, role: request.role, requestId: request.requestId },
    request.actor,
  );
  const deployment = run.input.deployments.find((d) => d.id === request.deploymentId)!;
  await notifyCustomers(run, {
    customerIds: deployment.customerIds,
    // Each move is its own confirmation: the revision keeps a second move from being mistaken for a repeat.
    revision,
    contentFor: () => ({
      kind: 'deferral-confirmation',
      incidentId: run.incidentId,
      playbookTitle: PLAYBOOKS[run.input.playbook].title,
      severity: run.input.severity,
      deployment: { id: deployment.id, name: deployment.name },
      agreedWindow: plan.window,
      requestedBy: request.actor.name,
      reason: request.reason,
    }),
  });
  return plan;
}

async function upgradeWhenDue(run: IncidentRun, deployment: Deployment, plan: MaintenancePlan, options: MaintenanceOptions) {
  if (plan.tenancy === 'single') {
    // Wait for the window, re-arming the timer whenever the customer moves it; remind once before it opens.
    let reminded = '';
    for (;;) {
      const window = plan.window;
      // The reminder goes out halfway through the notice period before the window.
      const remindAt = Date.parse(window) - run.input.policy.maintenanceNoticeSeconds * 500;
      if (reminded !== window && remindAt > Date.now()) {
        if (!(await condition(() => plan.window !== window, remindAt - Date.now()))) {
          reminded = window;
          await remind(run, deployment, window);
        }
        continue;
      }
      if (await condition(() => plan.window !== window, Math.max(1, Date.parse(window) - Date.now()))) continue;
      break;
    }
  } else if (Date.parse(plan.window) > Date.now()) {
    await sleep(Date.parse(plan.window) - Date.now());
  }
  plan.status = 'upgrading';
  await recordEvent(run.incidentId, 'status', `Upgrading ${deployment.name} to ${options.version}`, { deploymentId: deployment.id });
  try {
    const result = await slowEc2.replaceInstances({ incidentId: run.incidentId, deployment, imageId: options.imageId });
    plan.status = 'upgraded';
    await recordEvent(run.incidentId, 'ec2-change', `Upgraded ${deployment.name}: instances replaced from ${options.imageId}`, {
      deploymentId: deployment.id,
      upgradedAt: now(),
      ...result,
    });
  } catch (error) {
    plan.status = 'failed';
    throw error;
  }
}

async function remind(run: IncidentRun, deployment: Deployment, window: string) {
  await notifyCustomers(run, {
    customerIds: deployment.customerIds,
    revision: Date.parse(window),
    contentFor: () => ({
      kind: 'reminder',
      incidentId: run.incidentId,
      playbookTitle: PLAYBOOKS[run.input.playbook].title,
      severity: run.input.severity,
      about: `the maintenance of ${deployment.name}`,
      at: window,
    }),
  });
}

import type { Deployment } from '@firebreak/domain';
import { condition, continueAsNew, defineSignal, setHandler } from '@temporalio/workflow';

import { ec2 } from '../support/activity-proxies';
import { now, recordEvent } from '../support/incident-journal';

export interface MonitoringInput {
  incidentId: string;
  deployment: Deployment;
  purpose: 'backup' | 'recreate';
  intervalSeconds: number;
  /** Checks before the history is rolled over with continue-as-new; CHECKS_PER_RUN unless given. */
  checksPerRun?: number;
  /** Carried across continue-as-new. */
  since?: string;
  checksRun?: number;
  lastFindings?: string[];
}

export interface MonitoringResult {
  since: string;
  checksRun: number;
  lastFindings: string[];
}

export const stopMonitoringSignal = defineSignal('stopMonitoring');

/** Checks per run before the history is rolled over; keeps a weeks-long watch's history small. */
const CHECKS_PER_RUN = 200;

/**
 * Watches one clean environment closely until told to stop (when the customer and operations have both signed off):
 * detailed monitoring and flow logs once, then a check every interval, each recorded on the timeline.
 */
export async function heightenedMonitoring(input: MonitoringInput): Promise<MonitoringResult> {
  let stopped = false;
  setHandler(stopMonitoringSignal, () => {
    stopped = true;
  });
  const since = input.since ?? now();
  let checksRun = input.checksRun ?? 0;
  let lastFindings = input.lastFindings ?? [];
  const target = { incidentId: input.incidentId, deployment: input.deployment, purpose: input.purpose };

  if (input.since === undefined) {
    const enabled = await ec2.enableHeightenedMonitoring(target);
    await recordEvent(input.incidentId, 'ec2-change', `Heightened monitoring on for the clean ${input.deployment.name}`, {
      deploymentId: input.deployment.id,
      ...enabled,
    });
  }

  const checksPerRun = input.checksPerRun ?? CHECKS_PER_RUN;
  for (let run = 0; run < checksPerRun && !stopped; run++) {
    const check = await ec2.checkCleanEnvironment(target);
    checksRun += 1;
    const changed = check.findings.join('|') !== lastFindings.join('|');
    lastFindings = check.findings;
    // Every finding is recorded; a run of healthy checks is recorded when the picture changes, not every tick.
    if (!check.healthy || changed || checksRun === 1) {
      await recordEvent(
        input.incidentId,
        'ec2-change',
        check.healthy
          ? `Monitoring check of ${input.deployment.name}: healthy`
          : `Monitoring check of ${input.deployment.name} found: ${check.findings.join('; ')}`,
        { deploymentId: input.deployment.id, checksRun, ...check },
      );
    }
    await condition(() => stopped, input.intervalSeconds * 1000);
  }
  if (!stopped) {
    await continueAsNew<typeof heightenedMonitoring>({ ...input, since, checksRun, lastFindings });
  }
  return { since, checksRun, lastFindings };
}

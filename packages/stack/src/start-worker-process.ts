import { join } from 'node:path';

import { TASK_QUEUE } from '@firebreak/domain';
import { Connection } from '@temporalio/client';
import proto from '@temporalio/proto';

import { describeExit, type ServiceProcess, spawnService } from './spawn-service';
import { waitFor } from './wait-for';

export interface WorkerProcessOptions {
  root: string;
  env: Record<string, string>;
  temporalAddress: string;
  namespace: string;
  logFile: string;
  readyTimeoutMs?: number;
}

export class WorkerStartError extends Error {
  override readonly name = 'WorkerStartError';
}

/**
 * Runs apps/worker as its own Node process and resolves once it polls the playbook task queue: a poller seen after
 * the spawn is this worker, not one that ran before.
 */
export async function startWorkerProcess(options: WorkerProcessOptions): Promise<ServiceProcess> {
  const spawnedAt = Date.now();
  const worker = spawnService({
    name: 'worker',
    command: process.execPath,
    args: ['--import', 'tsx', join('apps', 'worker', 'src', 'main.ts')],
    cwd: options.root,
    env: options.env,
    logFile: options.logFile,
  });
  try {
    await waitFor(() => pollsSince(options.temporalAddress, options.namespace, spawnedAt), {
      description: `the worker polling task queue ${TASK_QUEUE}`,
      // Bundling the workflow code takes a while on a small machine.
      timeoutMs: options.readyTimeoutMs ?? 180_000,
      initialDelayMs: 500,
      maxDelayMs: 2000,
      failFast: () => {
        const exit = worker.exitInfo();
        return exit ? new WorkerStartError(`the worker ${describeExit(exit)} while starting:\n${worker.outputTail()}`) : undefined;
      },
    });
  } catch (error) {
    await worker.stop();
    throw error;
  }
  return worker;
}

async function pollsSince(address: string, namespace: string, since: number): Promise<true | undefined> {
  const connection = await Connection.connect({ address, connectTimeout: 2000 });
  try {
    const { pollers } = await connection.workflowService.describeTaskQueue({
      namespace,
      taskQueue: { name: TASK_QUEUE, kind: proto.temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
      taskQueueType: proto.temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
    });
    const seen = (pollers ?? []).some((poller) => {
      const seconds = Number(poller.lastAccessTime?.seconds ?? 0);
      return seconds * 1000 >= since - 1000;
    });
    return seen || undefined;
  } finally {
    await connection.close();
  }
}

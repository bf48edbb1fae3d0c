import { createRequire } from 'node:module';

import { type ActivityDeps, createActivities } from '@firebreak/activities';
import { TASK_QUEUE } from '@firebreak/domain';
import { type NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';

export interface PlaybookWorkerOptions extends ActivityDeps {
  connection: NativeConnection;
  namespace: string;
  taskQueue?: string;
  /** A prebuilt bundle (tests share one); without it the worker bundles the workflows at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  identity?: string;
}

/** Path of the workflows package entry, handed to Temporal's bundler. */
export function workflowsPath(): string {
  return createRequire(import.meta.url).resolve('@firebreak/workflows');
}

/** The composition root shared by the worker process and the integration tests. */
export async function createPlaybookWorker(options: PlaybookWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue ?? TASK_QUEUE,
    ...(options.identity ? { identity: options.identity } : {}),
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath: workflowsPath() }),
    activities: createActivities(options),
  });
}

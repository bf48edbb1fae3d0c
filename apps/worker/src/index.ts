export { createPlaybookWorker, workflowsPath, type PlaybookWorkerOptions } from './create-playbook-worker';
export { readWorkerEnv, type WorkerEnv } from './env';
export { mailTransportConfig } from './mail-transport-config';

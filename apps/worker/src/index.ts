export { createPlaybookWorker, workflowsPath, type PlaybookWorkerOptions } from './create-playbook-worker';
export { createEc2ClientFactory } from './ec2-clients';
export { readWorkerEnv, type WorkerEnv } from './env';
export { mailTransportConfig } from './mail-transport-config';

export { createPlaybookWorker, workflowsPath, type PlaybookWorkerOptions } from './create-playbook-worker';
export { createEc2ClientFactory } from './ec2-clients';

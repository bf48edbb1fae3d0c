// Every workflow type the worker registers, by the name it is started with (see PLAYBOOK_WORKFLOW_TYPES).
export { disconnectDeployment } from './building-blocks/disconnect-deployment';
export { infrastructureCompromise } from './playbooks/infrastructure-compromise';
export { closeIncidentUpdate, incidentStateQuery, type IncidentState } from './messages';

// Every workflow type the worker registers, by the name it is started with (see PLAYBOOK_WORKFLOW_TYPES).
export { disconnectDeployment } from './building-blocks/disconnect-deployment';
export { followUpNotices } from './building-blocks/follow-up-notices';
export {
  heightenedMonitoring,
  type MonitoringInput,
  type MonitoringResult,
  stopMonitoringSignal,
} from './building-blocks/heightened-monitoring';
export { rebuildCleanEnvironment } from './building-blocks/rebuild-clean-environment';
export { restoreDeployment } from './building-blocks/restore-deployment';
export { applicationCompromise } from './playbooks/application-compromise';
export { exploitableVulnerability } from './playbooks/exploitable-vulnerability';
export { infrastructureCompromise } from './playbooks/infrastructure-compromise';
export { nonExploitableVulnerability } from './playbooks/non-exploitable-vulnerability';
export { suspiciousActivity } from './playbooks/suspicious-activity';
export { closeIncidentUpdate, decideUpdate, incidentStateQuery, type IncidentState } from './support/incident-run';
export { requestDeferralUpdate } from './phases/maintain';
export { signInSourceBlockedAlert } from './alerts/sign-in-source-blocked-alert';

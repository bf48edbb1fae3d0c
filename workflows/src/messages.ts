import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { type CloseIncidentRequest, INCIDENT_UPDATES, type IncidentStatus } from '@firebreak/domain';
import type { DisconnectDeploymentResult } from './building-blocks/disconnect-deployment';

export interface IncidentState {
  incidentId: string;
  status: IncidentStatus;
  containment: DisconnectDeploymentResult[];
  noticesSent: number;
  noticeFailures: { contactId: string; reason: string }[];
}

export const closeIncidentUpdate = defineUpdate<void, [CloseIncidentRequest]>(INCIDENT_UPDATES.closeIncident);
export const incidentStateQuery = defineQuery<IncidentState>('incidentState');

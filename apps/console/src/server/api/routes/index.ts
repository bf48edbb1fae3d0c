import { closeIncidentRoute } from './close-incident';
import { createCustomerRoute } from './create-customer';
import { decideRoute } from './decide';
import { declareIncidentRoute } from './declare-incident';
import { exportDirectoryRoute } from './export-directory';
import { exportIncidentRoute } from './export-incident';
import { exportIncidentTimelineRoute } from './export-incident-timeline';
import { getHealthRoute } from './get-health';
import { getIncidentRoute } from './get-incident';
import { getIncidentTimelineRoute } from './get-incident-timeline';
import { getOpenApiDocumentRoute } from './get-open-api-document';
import { getPolicyRoute } from './get-policy';
import { importDirectoryRoute } from './import-directory';
import { listAuditEntriesRoute } from './list-audit-entries';
import { listCustomerNoticesRoute } from './list-customer-notices';
import { listCustomersRoute } from './list-customers';
import { listDeploymentsRoute } from './list-deployments';
import { listIncidentsRoute } from './list-incidents';
import { listPolicyVersionsRoute } from './list-policy-versions';
import { previewIncidentRoute } from './preview-incident';
import { updateCustomerRoute } from './update-customer';
import { updatePolicyRoute } from './update-policy';
import { verifyAuditLogRoute } from './verify-audit-log';

/** Every operation of /api/v1, in the order the OpenAPI document lists them. */
export const API_ROUTES = [
  declareIncidentRoute,
  previewIncidentRoute,
  listIncidentsRoute,
  getIncidentRoute,
  getIncidentTimelineRoute,
  exportIncidentRoute,
  exportIncidentTimelineRoute,
  closeIncidentRoute,
  decideRoute,
  getPolicyRoute,
  updatePolicyRoute,
  listPolicyVersionsRoute,
  listDeploymentsRoute,
  listCustomersRoute,
  createCustomerRoute,
  updateCustomerRoute,
  listCustomerNoticesRoute,
  exportDirectoryRoute,
  importDirectoryRoute,
  listAuditEntriesRoute,
  verifyAuditLogRoute,
  getHealthRoute,
  getOpenApiDocumentRoute,
] as const;

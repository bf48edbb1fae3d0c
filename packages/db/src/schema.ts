import type { ColumnType, Generated } from 'kysely';

/** ISO-8601 UTC timestamps are stored as text so SQLite and PostgreSQL sort them the same way. */
type Timestamp = string;
/** JSON documents are stored as text and parsed at the edge by the zod schemas in @firebreak/domain. */
type Json = string;

export interface CustomersTable {
  id: string;
  name: string;
  tenancy: 'single' | 'multi';
  created_at: Timestamp;
}

export interface ContactsTable {
  id: string;
  customer_id: string;
  name: string;
  email: string;
  role: 'designated-technical' | 'management' | 'other';
  /** Contacts are retired, never deleted, so notices already sent to them keep their recipient. */
  removed_at: Timestamp | null;
}

export interface DeploymentsTable {
  id: string;
  name: string;
  tenancy: 'single' | 'multi';
  region: string;
  vpc_id: string;
  subnet_ids: Json;
  application_kind: 'faspex' | 'shares' | 'console' | 'files';
  instance_tag: string;
  application_host_cidr: string | null;
  allow_listed_sources: Json;
  known_good_image_id: string | null;
  updated_at: Timestamp;
}

export interface DeploymentCustomersTable {
  deployment_id: string;
  customer_id: string;
}

export interface IncidentsTable {
  id: string;
  playbook: string;
  status: string;
  severity: string;
  summary: string;
  deployment_ids: Json;
  customer_ids: Json;
  workflow_id: string;
  declared_by: Json;
  declared_at: Timestamp;
  updated_at: Timestamp;
  closed_at: Timestamp | null;
}

export interface IdempotencyKeysTable {
  key: string;
  /** SHA-256 of the canonical request body: the same key with another body is refused. */
  request_hash: string;
  incident_id: string;
  created_at: Timestamp;
}

export interface IncidentStepsTable {
  incident_id: string;
  name: string;
  position: number;
  status: string;
  started_at: Timestamp | null;
  completed_at: Timestamp | null;
  error: string | null;
}

export interface TimelineEventsTable {
  seq: Generated<number>;
  id: string;
  incident_id: string;
  at: Timestamp;
  actor: Json;
  kind: string;
  summary: string;
  details: Json;
}

export interface NoticesTable {
  incident_id: string;
  kind: string;
  contact_id: string;
  revision: number;
  recipient_email: string;
  subject: string;
  status: 'pending' | 'sent' | 'failed';
  message_id: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  error: string | null;
  /** The NoticeContent JSON the message was rendered from, so it can be shown again. */
  content: ColumnType<Json | null, Json | null | undefined, Json | null>;
  /** The id (jti) of the signed link the message carries. */
  link_id: ColumnType<string | null, string | null | undefined, string | null>;
  acknowledged_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  /** The Actor JSON of whoever acknowledged it. */
  acknowledged_by: ColumnType<Json | null, Json | null | undefined, Json | null>;
  /** When the relay refused it for good (status `failed`). */
  failed_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
}

export interface RevokedLinksTable {
  link_id: string;
  incident_id: string;
  /** `revoked` by staff, or `used` by a one-shot action. */
  reason: string;
  revoked_at: Timestamp;
}

export interface PreChangeStatesTable {
  incident_id: string;
  deployment_id: string;
  captured_at: Timestamp;
  state: Json;
}

/** An instance's termination protection before the incident changed it; the first record wins. */
export interface OriginalTerminationProtectionTable {
  incident_id: string;
  deployment_id: string;
  instance_id: string;
  /** 1 when the instance was protected already. */
  protected: number;
  recorded_at: Timestamp;
}

/** A subnet's network ACL association before the incident's deny ACL replaced it; the first record wins. */
export interface OriginalSubnetAclsTable {
  incident_id: string;
  deployment_id: string;
  subnet_id: string;
  network_acl_id: string;
  association_id: string;
  recorded_at: Timestamp;
}

/** An Elastic IP's association before the incident detached it; the first record wins. */
export interface OriginalElasticIpsTable {
  incident_id: string;
  deployment_id: string;
  allocation_id: string;
  association_id: string;
  public_ip: string;
  instance_id: string | null;
  network_interface_id: string | null;
  private_ip_address: string | null;
  recorded_at: Timestamp;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  /** SHA-256 of the token; the token itself is shown once and never stored. */
  token_hash: string;
  role: 'administrator' | 'on-call' | 'manager' | 'viewer';
  created_at: Timestamp;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

export interface PolicyVersionsTable {
  version: Generated<number>;
  policy: Json;
  changed_by: Json;
  changed_at: Timestamp;
  reason: string;
}

export interface SourceBlockEntriesTable {
  incident_id: string;
  deployment_id: string;
  network_acl_id: string;
  /** 0 inbound, 1 outbound. */
  egress: number;
  cidr: string;
  rule_number: number;
  /** 1 when Firebreak created the EC2 entry, 0 when it reused one already there. */
  created_entry: number;
  recorded_at: Timestamp;
  removed_at: Timestamp | null;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: 'administrator' | 'on-call' | 'manager' | 'viewer';
  /** Argon2id, in the PHC string format (algorithm, parameters and salt included); null: single sign-on only. */
  password_hash: string | null;
  password_changed_at: Timestamp | null;
  created_at: Timestamp;
  disabled_at: Timestamp | null;
}

/** An account's identity at an OpenID Connect provider. */
export interface UserIdentitiesTable {
  issuer: string;
  subject: string;
  user_id: string;
  created_at: Timestamp;
  last_sign_in_at: Timestamp | null;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  source_address: string;
  ended_at: Timestamp | null;
}

export interface SignInFailuresTable {
  username: string;
  source_address: string;
  failures: number;
  first_failure_at: Timestamp;
  locked_until: Timestamp | null;
}

export interface SecuritySettingsVersionsTable {
  version: Generated<number>;
  settings: Json;
  changed_by: Json;
  changed_at: Timestamp;
}

export interface AuditLogTable {
  /** Chosen by the writer, under the write lock: it is part of what the entry's hash covers. */
  seq: number;
  at: Timestamp;
  severity: string;
  component: string;
  event_type: string;
  actor: Json;
  source_address: string | null;
  details: Json;
  prev_hash: string;
  hash: string;
}

export interface Database {
  customers: CustomersTable;
  contacts: ContactsTable;
  deployments: DeploymentsTable;
  deployment_customers: DeploymentCustomersTable;
  incidents: IncidentsTable;
  idempotency_keys: IdempotencyKeysTable;
  incident_steps: IncidentStepsTable;
  timeline_events: TimelineEventsTable;
  notices: NoticesTable;
  pre_change_states: PreChangeStatesTable;
  original_termination_protection: OriginalTerminationProtectionTable;
  original_subnet_acls: OriginalSubnetAclsTable;
  original_elastic_ips: OriginalElasticIpsTable;
  api_tokens: ApiTokensTable;
  policy_versions: PolicyVersionsTable;
  source_block_entries: SourceBlockEntriesTable;
  revoked_links: RevokedLinksTable;
  users: UsersTable;
  user_identities: UserIdentitiesTable;
  sessions: SessionsTable;
  sign_in_failures: SignInFailuresTable;
  security_settings_versions: SecuritySettingsVersionsTable;
  audit_log: AuditLogTable;
}

import { type Kysely, sql } from 'kysely';

// The schema of the first release, in one migration. Migrations are frozen once released: they take Kysely<any> so
// later schema changes never retype them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migrations are untyped, as said above
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('tenancy', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .execute();
  await db.schema.createIndex('contacts_customer').on('contacts').column('customer_id').execute();

  await db.schema
    .createTable('deployments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('tenancy', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('vpc_id', 'text', (c) => c.notNull())
    .addColumn('subnet_ids', 'text', (c) => c.notNull())
    .addColumn('application_kind', 'text', (c) => c.notNull())
    .addColumn('instance_tag', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // What rebuilds need to know about a deployment.
    .addColumn('application_host_cidr', 'text')
    .addColumn('allow_listed_sources', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('known_good_image_id', 'text')
    .execute();

  await db.schema
    .createTable('deployment_customers')
    .addColumn('deployment_id', 'text', (c) => c.notNull().references('deployments.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addPrimaryKeyConstraint('deployment_customers_pk', ['deployment_id', 'customer_id'])
    .execute();

  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('playbook', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('deployment_ids', 'text', (c) => c.notNull())
    .addColumn('customer_ids', 'text', (c) => c.notNull())
    .addColumn('workflow_id', 'text', (c) => c.notNull().unique())
    .addColumn('declared_by', 'text', (c) => c.notNull())
    .addColumn('declared_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('incidents_declared_at').on('incidents').column('declared_at').execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('incident_steps')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('error', 'text')
    .addPrimaryKeyConstraint('incident_steps_pk', ['incident_id', 'name'])
    .execute();

  await db.schema
    .createTable('timeline_events')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('timeline_incident_at').on('timeline_events').columns(['incident_id', 'at']).execute();

  await db.schema
    .createTable('notices')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('recipient_email', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('error', 'text')
    // When it was refused for good, shown beside the sent, delivered and acknowledged times.
    .addColumn('failed_at', 'text')
    // What the contact's page needs: the content (to show it again), the link's id (to revoke it), and when it was
    // acknowledged and by whom.
    .addColumn('content', 'text')
    .addColumn('link_id', 'text')
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'text')
    .addPrimaryKeyConstraint('notices_pk', ['incident_id', 'kind', 'contact_id', 'revision'])
    .execute();

  await db.schema
    .createTable('pre_change_states')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('deployment_id', 'text', (c) => c.notNull())
    .addColumn('captured_at', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('pre_change_states_pk', ['incident_id', 'deployment_id'])
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('last_used_at', 'text')
    .execute();

  // Every change is a new row: the current policy is the latest version, and the history is the audit of changes.
  await db.schema
    .createTable('policy_versions')
    .addColumn('version', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('policy', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  // Every network ACL entry a source block relies on, so lifting the block removes exactly what blocking added.
  await db.schema
    .createTable('source_block_entries')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('deployment_id', 'text', (c) => c.notNull())
    .addColumn('network_acl_id', 'text', (c) => c.notNull())
    .addColumn('egress', 'integer', (c) => c.notNull())
    .addColumn('cidr', 'text', (c) => c.notNull())
    .addColumn('rule_number', 'integer', (c) => c.notNull())
    // 1 when Firebreak created the EC2 entry (and may delete it), 0 when it found one already there.
    .addColumn('created_entry', 'integer', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .addPrimaryKeyConstraint('source_block_entries_pk', ['incident_id', 'network_acl_id', 'egress', 'cidr'])
    .execute();
  await db.schema
    .createIndex('source_block_entries_rule')
    .on('source_block_entries')
    .columns(['network_acl_id', 'egress', 'rule_number'])
    .execute();
  // Staff accounts, their sessions and identities at a single sign-on provider, sign-in throttling, security settings,
  // and the hash-chained audit log.
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Stored lower-cased: "Ada" and "ada" are one account.
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    // Both null for an account that signs in only through single sign-on.
    .addColumn('password_hash', 'text')
    .addColumn('password_changed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .execute();

  await db.schema
    .createTable('sessions')
    // SHA-256 of the session id: a copy of the table does not let anyone take over a session.
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('source_address', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('sign_in_failures')
    // One counter per (account name as typed, source address): a stranger's failures never lock out someone else.
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('source_address', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('first_failure_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addPrimaryKeyConstraint('sign_in_failures_pk', ['username', 'source_address'])
    .execute();

  await db.schema
    .createTable('security_settings_versions')
    .addColumn('version', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('component', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('source_address', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .execute();
  await db.schema
    .createTable('user_identities')
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    // One identity per account: a second provider account never takes over an existing one.
    .addColumn('user_id', 'text', (c) => c.notNull().unique().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_sign_in_at', 'text')
    .addPrimaryKeyConstraint('user_identities_pk', ['issuer', 'subject'])
    .execute();
  // Append-only inside the database too: the application never updates or deletes an entry. Whoever bypasses these
  // triggers still cannot hide it, because the hash chain breaks.
  // SQLite's trigger syntax: the one statement here that only SQLite understands.
  await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`.execute(
    db,
  );
  await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`.execute(
    db,
  );
  // Links that no longer open anything (revoked, or spent by a one-shot action).
  await db.schema
    .createTable('revoked_links')
    .addColumn('link_id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text', (c) => c.notNull())
    .execute();
  // What containment changed, each recorded by its step right before the change (first record wins), so restore
  // has the originals: termination protection, subnet ACL associations, Elastic IP associations.
  await db.schema
    .createTable('original_termination_protection')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('deployment_id', 'text', (c) => c.notNull())
    .addColumn('instance_id', 'text', (c) => c.notNull())
    .addColumn('protected', 'integer', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('original_termination_protection_pk', ['incident_id', 'deployment_id', 'instance_id'])
    .execute();
  await db.schema
    .createTable('original_subnet_acls')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('deployment_id', 'text', (c) => c.notNull())
    .addColumn('subnet_id', 'text', (c) => c.notNull())
    .addColumn('network_acl_id', 'text', (c) => c.notNull())
    .addColumn('association_id', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('original_subnet_acls_pk', ['incident_id', 'deployment_id', 'subnet_id'])
    .execute();
  await db.schema
    .createTable('original_elastic_ips')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id'))
    .addColumn('deployment_id', 'text', (c) => c.notNull())
    .addColumn('allocation_id', 'text', (c) => c.notNull())
    .addColumn('association_id', 'text', (c) => c.notNull())
    .addColumn('public_ip', 'text', (c) => c.notNull())
    .addColumn('instance_id', 'text')
    .addColumn('network_interface_id', 'text')
    .addColumn('private_ip_address', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('original_elastic_ips_pk', ['incident_id', 'deployment_id', 'allocation_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migrations are untyped, as said above
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'original_elastic_ips',
    'original_subnet_acls',
    'original_termination_protection',
    'revoked_links',
    'audit_log',
    'security_settings_versions',
    'sign_in_failures',
    'user_identities',
    'sessions',
    'users',
    'source_block_entries',
    'policy_versions',
    'api_tokens',
    'pre_change_states',
    'notices',
    'timeline_events',
    'incident_steps',
    'idempotency_keys',
    'incidents',
    'deployment_customers',
    'deployments',
    'contacts',
    'customers',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

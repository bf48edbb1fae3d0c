import type { MailTransportConfig } from '@firebreak/activities';

import type { WorkerEnv } from './env';

/** The SMTP transport the worker's environment describes: STARTTLS or SMTPS, always with a verified certificate. */
export function mailTransportConfig(env: WorkerEnv): MailTransportConfig {
  return {
    host: env.SMTP_HOST,
    port: env.SMTP_PORT,
    requireTls: env.smtpRequireTls,
    implicitTls: env.smtpImplicitTls,
    ...(env.smtpTlsCa ? { ca: env.smtpTlsCa } : {}),
    ...(env.SMTP_TLS_SERVER_NAME ? { serverName: env.SMTP_TLS_SERVER_NAME } : {}),
    ...(env.SMTP_USER ? { user: env.SMTP_USER, password: env.SMTP_PASSWORD } : {}),
    maxMessagesPerSecond: env.SMTP_MAX_MESSAGES_PER_SECOND,
  };
}

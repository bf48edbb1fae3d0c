import nodemailer from 'nodemailer';

export interface MailTransportConfig {
  host: string;
  port: number;
  /** Require STARTTLS and a verified certificate. Off only for the local SMTP sink. */
  requireTls: boolean;
  user?: string;
  password?: string;
  /** Messages per second across the pool. */
  maxMessagesPerSecond: number;
}

/** One pooled SMTP transport per worker process. */
export function createMailTransport(config: MailTransportConfig): nodemailer.Transporter {
  return nodemailer.createTransport({
    pool: true,
    host: config.host,
    port: config.port,
    secure: false,
    requireTLS: config.requireTls,
    ignoreTLS: !config.requireTls,
    tls: config.requireTls ? { rejectUnauthorized: true, minVersion: 'TLSv1.2' } : undefined,
    auth: config.user ? { user: config.user, pass: config.password } : undefined,
    maxConnections: 2,
    rateDelta: 1000,
    rateLimit: config.maxMessagesPerSecond,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

import nodemailer from 'nodemailer';

export interface MailTransportConfig {
  host: string;
  port: number;
  /** Require STARTTLS and a verified certificate. Off only for the local SMTP sink. */
  requireTls: boolean;
  /** TLS from the first byte (SMTPS, usually port 465) instead of STARTTLS; implies a verified certificate. */
  implicitTls?: boolean;
  /** A private CA's certificate (PEM) to verify the relay against; it replaces the system's roots. */
  ca?: Buffer | string;
  /** The name the relay's certificate must carry, when it differs from `host`. */
  serverName?: string;
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
    secure: config.implicitTls === true,
    requireTLS: config.requireTls || config.implicitTls === true,
    ignoreTLS: !config.requireTls && config.implicitTls !== true,
    // Verification is never switched off: a relay with an unknown certificate gets no mail (and no password).
    tls:
      config.requireTls || config.implicitTls
        ? {
            rejectUnauthorized: true,
            minVersion: 'TLSv1.2',
            ...(config.ca ? { ca: config.ca } : {}),
            ...(config.serverName ? { servername: config.serverName } : {}),
          }
        : undefined,
    auth: config.user ? { user: config.user, pass: config.password } : undefined,
    maxConnections: 2,
    rateDelta: 1000,
    rateLimit: config.maxMessagesPerSecond,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

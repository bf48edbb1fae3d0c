import { EventEmitter, once } from 'node:events';
import type { AddressInfo } from 'node:net';

import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMessage {
  to: string;
  subject: string;
  messageId: string;
  text: string;
  html: string;
  headers: ParsedMail['headers'];
}

/** What a test reads of a message an SMTP server accepted. */
export function toReceivedMessage(mail: ParsedMail): ReceivedMessage {
  const to = Array.isArray(mail.to) ? mail.to.flatMap((a) => a.value) : (mail.to?.value ?? []);
  return {
    to: to.map((a) => a.address ?? '').join(','),
    subject: mail.subject ?? '',
    messageId: mail.messageId ?? '',
    text: mail.text ?? '',
    html: typeof mail.html === 'string' ? mail.html : '',
    headers: mail.headers,
  };
}

/**
 * A real SMTP server on loopback that keeps every accepted message, for tests to count and read.
 * It speaks the protocol for real: the worker's nodemailer transport cannot tell it from a relay.
 */
export class SmtpSink {
  readonly messages: ReceivedMessage[] = [];
  /** Messages refused with a temporary 451 while held. */
  deferred = 0;
  private holdAfter = Number.POSITIVE_INFINITY;
  /** Mailboxes that do not exist here: their RCPT TO is answered with a permanent 550. */
  private readonly unknownMailboxes = new Set<string>();
  private readonly events = new EventEmitter();
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<SmtpSink> {
    let sink: SmtpSink | undefined;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (sink!.unknownMailboxes.has(address.address.toLowerCase())) {
          callback(Object.assign(new Error('No such mailbox here'), { responseCode: 550 }));
          return;
        }
        callback();
      },
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => {
            if (sink!.messages.length >= sink!.holdAfter) {
              sink!.deferred += 1;
              const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
              callback(error);
              return;
            }
            sink!.accept(mail);
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    // A client that vanishes mid-session (a killed worker) is normal here, not a test failure.
    server.on('error', () => {});
    server.listen(0, '127.0.0.1');
    await once(server.server, 'listening');
    sink = new SmtpSink(server, (server.server.address() as AddressInfo).port);
    return sink;
  }

  private accept(mail: ParsedMail): void {
    const message = toReceivedMessage(mail);
    this.messages.push(message);
    this.events.emit('message', message);
  }

  /** Accept `count` messages in total, then answer every further one with a temporary 451 until released. */
  hold(count: number): void {
    this.holdAfter = count;
  }

  release(): void {
    this.holdAfter = Number.POSITIVE_INFINITY;
  }

  /** Answer every message to `address` with a permanent 550, as a relay does for a mailbox that does not exist. */
  refuseMailbox(address: string): void {
    this.unknownMailboxes.add(address.toLowerCase());
  }

  /** Messages of one notice kind (the X-Firebreak-Notice header every notice carries). */
  ofKind(kind: string): ReceivedMessage[] {
    return this.messages.filter((m) => m.headers.get('x-firebreak-notice') === kind);
  }

  onMessage(listener: (message: ReceivedMessage) => void): void {
    this.events.on('message', listener);
  }

  /** Resolves once at least `count` messages were accepted in total. */
  async waitForMessages(count: number, timeoutMs = 60_000): Promise<ReceivedMessage[]> {
    const deadline = AbortSignal.timeout(timeoutMs);
    while (this.messages.length < count) {
      await once(this.events, 'message', { signal: deadline });
    }
    return this.messages;
  }

  clear(): void {
    this.messages.length = 0;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

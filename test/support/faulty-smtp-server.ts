import { EventEmitter, once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';

import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

import { type ReceivedMessage, toReceivedMessage } from './smtp-sink';

/** How the server treats a new connection. */
export type SmtpFaultMode =
  /** Nothing listens on the port: connections are refused. */
  | 'refuse'
  /** Connections are answered `421 Service not available` and closed, as a relay shutting down does. */
  | 'unavailable'
  /** A real SMTP conversation; messages are accepted (unless deferred, see deferAfter). */
  | 'accept';

/**
 * A real SMTP server on loopback whose failures a test controls: refused connections, 421 greetings, 451 deferrals,
 * and a hook that runs right after a message has been accepted (its 250 already written), to kill the sender there.
 * The front is a plain TCP listener the test can close and reopen on the same port; behind it is smtp-server.
 */
export class FaultySmtpServer {
  readonly messages: ReceivedMessage[] = [];
  /** Connections refused with 421 and messages deferred with 451, for the test to check the faults happened. */
  readonly faults = { unavailable: 0, deferred: 0 };
  private mode: SmtpFaultMode = 'accept';
  private deferAfter = Number.POSITIVE_INFINITY;
  private afterAcceptHook: ((message: ReceivedMessage) => void) | undefined;
  private beforeReplyHook: ((message: ReceivedMessage) => void) | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly events = new EventEmitter();
  private front: Server | undefined;

  private constructor(
    private readonly smtp: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<FaultySmtpServer> {
    let self: FaultySmtpServer | undefined;
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => {
            const server = self!;
            if (server.messages.length >= server.deferAfter) {
              server.faults.deferred += 1;
              callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
              return;
            }
            const message = toReceivedMessage(mail);
            server.messages.push(message);
            server.beforeReplyHook?.(message);
            callback(); // the 250 is written here
            server.afterAcceptHook?.(message);
            server.events.emit('message', message);
          })
          .catch((error: Error) => callback(error));
      },
    });
    smtp.on('error', () => {}); // senders that vanish mid-session are part of the tests
    const probe = createServer();
    probe.listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    self = new FaultySmtpServer(smtp, port);
    await self.listen();
    return self;
  }

  /** Switches how new connections are treated; `refuse` also drops the connections already open. */
  async setMode(mode: SmtpFaultMode): Promise<void> {
    this.mode = mode;
    if (mode === 'refuse') {
      for (const socket of this.sockets) socket.destroy();
      const front = this.front;
      this.front = undefined;
      if (front) await new Promise<void>((resolve) => front.close(() => resolve()));
    } else if (!this.front) {
      await this.listen();
    }
    if (mode === 'unavailable') for (const socket of this.sockets) socket.destroy();
  }

  /** Accept `count` messages in total, then defer every further one with 451 until `deferAfter(Infinity)`. */
  setDeferAfter(count: number): void {
    this.deferAfter = count;
  }

  /** Runs right after a message was accepted, its 250 reply already on the way to the sender. */
  afterAccept(hook: ((message: ReceivedMessage) => void) | undefined): void {
    this.afterAcceptHook = hook;
  }

  /** Runs once a message is kept, just before its 250 reply is written. */
  beforeReply(hook: ((message: ReceivedMessage) => void) | undefined): void {
    this.beforeReplyHook = hook;
  }

  async waitForMessages(count: number, timeoutMs = 120_000): Promise<ReceivedMessage[]> {
    const deadline = AbortSignal.timeout(timeoutMs);
    while (this.messages.length < count) await once(this.events, 'message', { signal: deadline });
    return this.messages;
  }

  async stop(): Promise<void> {
    await this.setMode('refuse');
    await new Promise<void>((resolve) => this.smtp.close(() => resolve()));
  }

  private async listen(): Promise<void> {
    const front = createServer((socket) => this.onConnection(socket));
    front.listen(this.port, '127.0.0.1');
    await once(front, 'listening');
    this.front = front;
  }

  private onConnection(socket: Socket): void {
    socket.on('error', () => {});
    if (this.mode === 'unavailable') {
      this.faults.unavailable += 1;
      socket.end('421 4.3.2 Service not available, closing transmission channel\r\n');
      return;
    }
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    // smtp-server speaks the protocol on the accepted socket itself.
    this.smtp.server.emit('connection', socket);
  }
}

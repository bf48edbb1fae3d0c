import { once } from 'node:events';
import { type AddressInfo, connect } from 'node:net';
import { createServer, type Server, type TLSSocket } from 'node:tls';

export interface TlsProxyOptions {
  cert: Buffer;
  key: Buffer;
  /** host:port of the plaintext server behind the proxy. */
  upstream: string;
  /** Ask for a client certificate signed by this CA and refuse connections without one (mutual TLS). */
  clientCa?: Buffer;
  /** Offered by ALPN; gRPC needs `h2`. */
  alpn?: string[];
}

/**
 * Terminates TLS in front of a plaintext server, the way a load balancer fronts a Temporal cluster: what the client
 * sees is a real TLS server with the given certificate, optionally demanding a client certificate.
 */
export class TlsTerminatingProxy {
  /** Handshakes the proxy refused (no or bad client certificate). */
  refusedHandshakes = 0;
  private readonly sockets = new Set<{ destroy(): void }>();
  private constructor(
    private readonly server: Server,
    readonly address: string,
  ) {}

  static async start(options: TlsProxyOptions): Promise<TlsTerminatingProxy> {
    const [host, port] = [options.upstream.replace(/:\d+$/, ''), Number(options.upstream.split(':').at(-1))];
    let proxy: TlsTerminatingProxy | undefined;
    const server = createServer(
      {
        cert: options.cert,
        key: options.key,
        ALPNProtocols: options.alpn ?? ['h2'],
        ...(options.clientCa ? { ca: options.clientCa, requestCert: true, rejectUnauthorized: true } : {}),
      },
      (socket: TLSSocket) => {
        const upstream = connect(port, host);
        proxy!.sockets.add(socket).add(upstream);
        socket.pipe(upstream).pipe(socket);
        const close = () => {
          socket.destroy();
          upstream.destroy();
        };
        socket.on('error', close);
        upstream.on('error', close);
      },
    );
    server.on('tlsClientError', () => {
      proxy!.refusedHandshakes += 1;
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    proxy = new TlsTerminatingProxy(server, `127.0.0.1:${(server.address() as AddressInfo).port}`);
    return proxy;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

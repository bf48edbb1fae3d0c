import { once } from 'node:events';
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { EC2_DEFAULT_BUCKETS, ec2BucketFor, type Ec2BucketName, TokenBucket } from '@firebreak/aws';

export interface ThrottlingProxyOptions {
  /** The real endpoint (moto) requests are forwarded to. */
  target: string;
  /** Share of forwarded requests answered with a bare 503 instead, 0..1. */
  unavailableRate?: number;
  /**
   * Share of mutating requests that moto carries out but whose reply is replaced by a 503, as when a response is lost:
   * the caller must find what it already did instead of doing it twice.
   */
  lostReplyRate?: number;
  /** Seed of the generator that picks those requests, so a run can be repeated. */
  seed?: number;
}

export interface ProxyCounts {
  forwarded: number;
  throttled: number;
  unavailable: number;
  /** Requests carried out whose reply was replaced by a 503. */
  lostReplies: number;
  /** Forwarded requests by EC2 action. */
  byAction: Record<string, number>;
}

/** One EC2 request as the proxy received it: the record that proves a call was made, whatever moto did with it. */
export interface LoggedRequest {
  action: string;
  params: URLSearchParams;
}

/**
 * An EC2 endpoint that behaves like AWS under load: in front of moto, it spends AWS's documented request buckets
 * per action and answers `RequestLimitExceeded` (HTTP 503, EC2's XML error body) when a bucket is empty, and
 * answers a plain 503 to a share of the rest. It can also refuse one action as IAM would (`UnauthorizedOperation`,
 * HTTP 403), and it logs every EC2 request it forwards. Requests for other services on the same endpoint (Auto
 * Scaling, load balancing) and moto's own API reach moto unchanged.
 */
export class ThrottlingProxy {
  readonly counts: ProxyCounts = { forwarded: 0, throttled: 0, unavailable: 0, lostReplies: 0, byAction: {} };
  /** Every EC2 request forwarded to moto, in the order received. */
  readonly requests: LoggedRequest[] = [];
  private readonly refused = new Set<string>();
  private readonly refusalCounts = new Map<string, number>();
  private readonly buckets = new Map<Ec2BucketName, TokenBucket>();
  private random: () => number;

  private constructor(
    private readonly server: Server,
    private readonly options: ThrottlingProxyOptions,
  ) {
    for (const [name, spec] of Object.entries(EC2_DEFAULT_BUCKETS)) this.buckets.set(name as Ec2BucketName, new TokenBucket(spec));
    this.random = mulberry32(options.seed ?? 1);
  }

  static async start(options: ThrottlingProxyOptions): Promise<ThrottlingProxy> {
    let proxy: ThrottlingProxy | undefined;
    const server = createServer((req, res) => void proxy!.handle(req, res));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    proxy = new ThrottlingProxy(server, options);
    return proxy;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Change the share of plain 503s and lost replies while running (0 turns them off). */
  setFaultRates(rates: { unavailableRate?: number; lostReplyRate?: number }): void {
    Object.assign(this.options, rates);
  }

  /** Answers every later request for this EC2 action with `UnauthorizedOperation`, as a policy that denies it would. */
  refuse(action: string): void {
    this.refused.add(action);
  }

  /** Forwards the action again, as once the policy is fixed. */
  allow(action: string): void {
    this.refused.delete(action);
  }

  /** How many requests for a refused action were answered with `UnauthorizedOperation`. */
  refusals(action: string): number {
    return this.refusalCounts.get(action) ?? 0;
  }

  /** The logged requests for one EC2 action. */
  requestsFor(action: string): LoggedRequest[] {
    return this.requests.filter((r) => r.action === action);
  }

  /** Empties a bucket, as another tool spending the same account's budget would. */
  drain(bucket: Ec2BucketName): void {
    const tokens = this.buckets.get(bucket)!;
    while (tokens.tryTake());
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const params = new URLSearchParams(body.toString('utf8'));
    // moto's own API (reset, state) and other services' requests (their credential scope names them) pass through.
    const ec2 = /\/ec2\/aws4_request/.test(req.headers.authorization ?? '');
    const action = ec2 ? params.get('Action') : null;
    if (action) {
      if (this.refused.has(action)) {
        this.refusalCounts.set(action, this.refusals(action) + 1);
        return ec2Error(res, 'UnauthorizedOperation', 'You are not authorized to perform this operation.', 403);
      }
      if (!this.buckets.get(ec2BucketFor(action))!.tryTake()) {
        this.counts.throttled += 1;
        return ec2Error(res, 'RequestLimitExceeded', 'Request limit exceeded.');
      }
      if (this.random() < (this.options.unavailableRate ?? 0)) {
        this.counts.unavailable += 1;
        return ec2Error(res, 'Unavailable', 'The server is overloaded and cannot handle the request.');
      }
      this.counts.forwarded += 1;
      this.counts.byAction[action] = (this.counts.byAction[action] ?? 0) + 1;
      this.requests.push({ action, params });
    }
    const loseReply = action !== null && ec2BucketFor(action) !== 'describe' && this.random() < (this.options.lostReplyRate ?? 0);
    const target = new URL(req.url ?? '/', this.options.target);
    const upstream = request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (reply) => {
      if (loseReply) {
        reply.resume();
        reply.on('end', () => {
          this.counts.lostReplies += 1;
          ec2Error(res, 'Unavailable', 'The server is overloaded and cannot handle the request.');
        });
        return;
      }
      res.writeHead(reply.statusCode ?? 502, reply.headers);
      reply.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    upstream.end(body);
  }
}

function ec2Error(res: ServerResponse, code: string, message: string, status = 503): void {
  const requestId = Math.random().toString(16).slice(2);
  res.writeHead(status, { 'content-type': 'text/xml;charset=UTF-8' });
  res.end(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`,
  );
}

/** A small seeded generator: the same seed gives the same 503s. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

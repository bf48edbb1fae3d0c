import { generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import Provider, { type Configuration } from 'oidc-provider';

export interface OidcTestProviderOptions {
  clientId: string;
  clientSecret: string;
  /** The console's callback, registered for the client. */
  redirectUri: string;
  /** A custom claim released with the `profile` scope (the console's role claim). */
  roleClaim: string;
}

/** An ID token payload rewrite, applied at the token endpoint and re-signed with the provider's own key. */
export type IdTokenTamper = (payload: Record<string, unknown>) => Record<string, unknown>;

/**
 * A real OpenID Connect provider (`oidc-provider`, in-memory adapter) on a free loopback port, with one confidential
 * client. The interaction (login and consent pages) is answered by the test: whoever `nextLogin` names signs in.
 * The token endpoint can be made to return a tampered ID token, still validly signed, to test the console's checks.
 */
export class OidcTestProvider {
  nextLogin: string | undefined;
  tamperIdToken: IdTokenTamper | undefined;
  /** Every token the provider handed out (to prove none ends up in a log). */
  readonly issuedSecrets: string[] = [];

  private constructor(
    private readonly server: Server,
    readonly issuer: string,
    private readonly provider: Provider,
    private readonly signingKey: KeyObject,
    /** Claims per subject; change them between sign-ins to play the directory changing. */
    readonly accounts: Map<string, Record<string, unknown>>,
  ) {}

  static async start(options: OidcTestProviderOptions): Promise<OidcTestProvider> {
    let instance: OidcTestProvider | undefined;
    const server = createServer((req, res) => {
      instance!.handle(req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = { ...privateKey.export({ format: 'jwk' }), kid: `test-${randomBytes(4).toString('hex')}`, alg: 'RS256', use: 'sig' };
    const accounts = new Map<string, Record<string, unknown>>();
    const configuration: Configuration = {
      clients: [
        {
          client_id: options.clientId,
          client_secret: options.clientSecret,
          redirect_uris: [options.redirectUri],
          response_types: ['code'],
          grant_types: ['authorization_code'],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      ],
      jwks: { keys: [jwk as never] },
      cookies: { keys: [randomBytes(16).toString('hex')] },
      claims: { openid: ['sub'], email: ['email'], profile: ['name', 'preferred_username', options.roleClaim] },
      features: { devInteractions: { enabled: false } },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      pkce: { methods: ['S256'], required: () => true },
      async findAccount(_ctx, sub) {
        const claims = accounts.get(sub);
        return claims && { accountId: sub, claims: async () => ({ sub, ...claims }) };
      },
    };
    const provider = new Provider(issuer, configuration);
    instance = new OidcTestProvider(server, issuer, provider, privateKey, accounts);
    return instance;
  }

  /**
   * Plays the browser from the console's authorization URL to the provider's redirect back to the console, signing in
   * as `nextLogin` on the way. Returns the callback URL (with code, state and iss), without calling it.
   */
  async authorize(authorizationUrl: string, redirectUri: string): Promise<URL> {
    const jar = new Map<string, string>();
    let url = authorizationUrl;
    for (let hop = 0; hop < 10; hop++) {
      const response = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const [name, ...value] = pair!.split('=');
        if (/max-age=0|expires=thu, 01 jan 1970/i.test(line)) jar.delete(name!.trim());
        else jar.set(name!.trim(), value.join('='));
      }
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) {
        throw new Error(`the provider answered ${response.status} at ${new URL(url).pathname}: ${(await response.text()).slice(0, 300)}`);
      }
      const next = new URL(location, url);
      if (next.href.startsWith(redirectUri)) return next;
      url = next.href;
    }
    throw new Error('too many redirects at the provider');
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.url?.startsWith('/interaction/')) return this.finishInteraction(req, res);
    if (req.method === 'POST' && req.url?.startsWith('/token')) this.watchTokenResponse(res);
    return this.provider.callback()(req, res);
  }

  /** The login and consent pages, answered at once for `nextLogin`. */
  private async finishInteraction(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const details = await this.provider.interactionDetails(req, res);
    const accountId = this.nextLogin;
    if (!accountId || !this.accounts.has(accountId)) throw new Error(`no test account to sign in as (${accountId})`);
    const grant = new this.provider.Grant({ accountId, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await this.provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
  }

  /** Keeps every token handed out, and applies `tamperIdToken` to the ID token before it leaves. */
  private watchTokenResponse(res: ServerResponse): void {
    const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
    res.end = ((chunk?: unknown) => {
      if (res.statusCode !== 200 || (typeof chunk !== 'string' && !Buffer.isBuffer(chunk))) return end(chunk);
      const body = JSON.parse(chunk.toString()) as Record<string, unknown>;
      if (typeof body.id_token === 'string' && this.tamperIdToken) body.id_token = this.resign(body.id_token, this.tamperIdToken);
      for (const key of ['access_token', 'id_token', 'refresh_token'])
        if (typeof body[key] === 'string') this.issuedSecrets.push(body[key]);
      const text = JSON.stringify(body);
      res.setHeader('content-length', Buffer.byteLength(text));
      return end(text);
    }) as typeof res.end;
  }

  private resign(token: string, tamper: IdTokenTamper): string {
    const [header, payload] = token.split('.');
    const claims = tamper(JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>);
    const signingInput = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return `${signingInput}.${sign('sha256', Buffer.from(signingInput), this.signingKey).toString('base64url')}`;
  }
}

import * as client from 'openid-client';

import type { OidcSettings } from '../../../oidc-env';
import { oidcConfiguration } from './oidc-configuration';
import { oidcFlowCookieHeader } from './oidc-flow-cookie';

/**
 * Where to send the browser to sign in at the provider, and the cookie that ties the answer to this browser: a fresh
 * state (against forged callbacks), nonce (against a replayed ID token) and PKCE verifier (against a stolen code).
 */
export async function startOidcSignIn(settings: OidcSettings): Promise<{ authorizationUrl: URL; flowCookie: string }> {
  const configuration = await oidcConfiguration(settings);
  const flow = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier: client.randomPKCECodeVerifier(),
    startedAt: Date.now(),
  };
  const authorizationUrl = client.buildAuthorizationUrl(configuration, {
    redirect_uri: settings.redirectUrl,
    scope: settings.scopes,
    state: flow.state,
    nonce: flow.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: 'S256',
  });
  return { authorizationUrl, flowCookie: oidcFlowCookieHeader(flow) };
}

import * as client from 'openid-client';

import type { OidcSettings } from '../../../oidc-env';

let discovered: { key: string; configuration: Promise<client.Configuration> } | undefined;

/**
 * The provider's metadata and this console's client, discovered on first use and kept for the life of the process.
 * A failed discovery is forgotten so the next sign-in tries again (the provider may just be down for a moment).
 */
export function oidcConfiguration(settings: OidcSettings): Promise<client.Configuration> {
  const key = `${settings.issuer} ${settings.clientId}`;
  if (discovered?.key !== key) {
    const configuration = discover(settings).catch((error: unknown) => {
      if (discovered?.configuration === configuration) discovered = undefined;
      throw error;
    });
    discovered = { key, configuration };
  }
  return discovered.configuration;
}

async function discover(settings: OidcSettings): Promise<client.Configuration> {
  const configuration = await client.discovery(
    new URL(settings.issuer),
    settings.clientId,
    { redirect_uris: [settings.redirectUrl], response_types: ['code'] },
    // Basic is the default every provider supports (RFC 6749 §2.3.1).
    client.ClientSecretBasic(settings.clientSecret),
    { timeout: 10, ...(settings.allowHttp ? { execute: [client.allowInsecureRequests] } : {}) },
  );
  // Check the ID token's signature against the provider's published keys too, not only TLS to the token endpoint.
  client.enableNonRepudiationChecks(configuration);
  return configuration;
}

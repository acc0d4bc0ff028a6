// OpenID Connect for staff with openid-client: authorization code flow with PKCE, state and nonce.
// The IdP is discovered at the first login, not at boot, so an IdP that is down never stops the app.
import * as client from 'openid-client';
import type { OidcConfig } from '../../config.ts';
import type { ExternalIdentity, ExternalLogin } from './external.ts';
import { flowKey, openFlow, sealFlow } from './flow.ts';

/** Why an OIDC login failed; stable, shown translated on the login page (docs/errors.md). */
export type OidcFailure = 'oidc_unavailable' | 'oidc_state_mismatch' | 'oidc_idp_error' | 'oidc_invalid_response' | 'oidc_missing_claim';

export class OidcLoginError extends Error {
  constructor(readonly reason: OidcFailure, message: string, readonly detail?: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

const SCOPE = 'openid profile email';
const TIMEOUT_SECONDS = 10;

/** A fetch that never connected or timed out (as opposed to an answer we refuse). */
const unreachable = (err: unknown) =>
  (err instanceof TypeError && err.message === 'fetch failed') || (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'));

/** What went wrong, for the log and the audit row: the IdP's error code or openid-client's check. */
function detailOf(err: unknown): string | undefined {
  if (err instanceof client.AuthorizationResponseError || err instanceof client.ResponseBodyError) return err.error;
  if (err instanceof client.ClientError) {
    // openid-client wraps oauth4webapi's error, whose cause names the failed claim (nonce, aud, iss…).
    const inner = err.cause as { claim?: unknown; cause?: { claim?: unknown } } | undefined;
    const claim = inner?.claim ?? inner?.cause?.claim;
    return typeof claim === 'string' ? `${err.code}:${claim}` : err.code;
  }
  return err instanceof Error ? err.name : undefined;
}

export class OidcLogin implements ExternalLogin {
  private discovered: Promise<client.Configuration> | null = null;
  private readonly key: Buffer;

  constructor(private readonly config: OidcConfig) {
    this.key = flowKey(config.clientSecret);
  }

  private configuration(): Promise<client.Configuration> {
    const { issuer, clientId, clientSecret } = this.config;
    // http passed config validation only on the loopback interface (a local test IdP).
    const execute = issuer.startsWith('http:') ? [client.allowInsecureRequests] : [];
    // client_secret_basic is the OIDC default every IdP supports; a public client authenticates by PKCE alone.
    const auth = clientSecret ? client.ClientSecretBasic(clientSecret) : client.None();
    this.discovered ??= client.discovery(new URL(issuer), clientId, undefined, auth, { execute, timeout: TIMEOUT_SECONDS }).catch((err: unknown) => {
      this.discovered = null; // the next login tries again
      throw new OidcLoginError('oidc_unavailable', `Discovery at ${issuer} failed: ${err instanceof Error ? err.message : String(err)}`, detailOf(err), { cause: err });
    });
    return this.discovered;
  }

  async start(): Promise<{ url: string; flow: string }> {
    const configuration = await this.configuration();
    const flow = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier() };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.config.redirectUrl,
      scope: SCOPE,
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, flow: sealFlow(this.key, flow) };
  }

  async finish(query: URLSearchParams, sealed: string | undefined): Promise<ExternalIdentity> {
    const flow = openFlow(this.key, sealed);
    // Checked before anything else: a callback this browser did not start is someone else's (login CSRF).
    if (!flow) throw new OidcLoginError('oidc_state_mismatch', 'The login flow cookie is missing, expired or altered');
    if (query.get('state') !== flow.state) throw new OidcLoginError('oidc_state_mismatch', 'The state in the callback is not the one sent');
    const error = query.get('error');
    if (error) throw new OidcLoginError('oidc_idp_error', `The identity provider refused: ${error} ${query.get('error_description') ?? ''}`.trim(), error);

    const configuration = await this.configuration();
    // The callback's parameters on the registered redirect URL: openid-client sends that URL as redirect_uri,
    // and the Host header behind a proxy is not to be trusted for it.
    const current = new URL(this.config.redirectUrl);
    current.search = query.toString();
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(configuration, current, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
    } catch (err) {
      if (unreachable(err)) throw new OidcLoginError('oidc_unavailable', 'The token endpoint did not answer', detailOf(err), { cause: err });
      // The token endpoint's refusal (invalid_grant: a used code, a wrong PKCE verifier) or a failed ID token
      // check (signature, issuer, audience, expiry, nonce).
      throw new OidcLoginError('oidc_invalid_response', `The code exchange failed: ${err instanceof Error ? err.message : String(err)}`, detailOf(err), { cause: err });
    }
    const claims = tokens.claims();
    const value = claims?.[this.config.usernameClaim];
    if (typeof value !== 'string' || !value.trim()) {
      throw new OidcLoginError('oidc_missing_claim', `The ID token has no "${this.config.usernameClaim}" claim`);
    }
    // iss and sub are required ID token claims, and iss was checked against the discovered issuer.
    if (!claims?.iss || !claims.sub) throw new OidcLoginError('oidc_missing_claim', 'The ID token has no "iss" or "sub" claim');
    // Samservice usernames are lower case (users.ts); IdPs often keep the case people typed.
    return { username: value.trim().toLowerCase(), issuer: claims.iss, subject: claims.sub };
  }
}

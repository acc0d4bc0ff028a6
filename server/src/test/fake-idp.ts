// A small OpenID Connect provider for tests, on 127.0.0.1: discovery, a JWKS, /authorize (no login page:
// it sends the browser straight back with a code for `user`) and /token (checks the client's credentials,
// the redirect URI and the PKCE verifier, and signs an RS256 ID token with jose). Tests make it misbehave.
import Fastify from 'fastify';
import { createHash, randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

export interface FakeIdp {
  /** The issuer, e.g. http://127.0.0.1:43121 */
  url: string;
  clientId: string;
  clientSecret: string;
  /** The username claim of whoever "logs in" at the next /authorize; null answers error=access_denied. */
  user: string | null;
  /** The `sub` of whoever logs in next; null means `sub-<user, lower-cased>` (the same person whatever the case). */
  subject: string | null;
  /** Changes the ID token's claims before signing (a wrong nonce, no username claim). */
  tamper: ((claims: Record<string, unknown>) => void) | null;
  /** The query of the last /authorize, to see what the client sent (state, nonce, code_challenge). */
  lastAuthorize: Record<string, string> | null;
  /** Token requests answered with an ID token. */
  tokensIssued: number;
  close(): Promise<void>;
}

interface Grant { nonce: string; challenge: string; redirectUri: string; user: string; subject: string }

const b64url = (buf: Buffer) => buf.toString('base64url');

export async function startFakeIdp(): Promise<FakeIdp> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const grants = new Map<string, Grant>();
  const app = Fastify({ logger: false });
  // Token requests are form posts (RFC 6749); Fastify parses only JSON by itself.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  const idp: FakeIdp = {
    url: '', clientId: 'samservice', clientSecret: 'test-client-secret', user: 'admin', subject: null, tamper: null, lastAuthorize: null, tokensIssued: 0,
    close: () => app.close(),
  };

  app.get('/.well-known/openid-configuration', async () => ({
    issuer: idp.url,
    authorization_endpoint: `${idp.url}/authorize`,
    token_endpoint: `${idp.url}/token`,
    jwks_uri: `${idp.url}/jwks`,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    authorization_response_iss_parameter_supported: true,
  }));

  app.get('/jwks', async () => ({ keys: [jwk] }));

  app.get('/authorize', async (req, reply) => {
    const q = req.query as Record<string, string>;
    idp.lastAuthorize = q;
    const back = new URL(q.redirect_uri!);
    back.searchParams.set('state', q.state ?? '');
    back.searchParams.set('iss', idp.url);
    if (q.client_id !== idp.clientId || q.response_type !== 'code' || q.code_challenge_method !== 'S256' || !q.code_challenge) {
      back.searchParams.set('error', 'invalid_request');
    } else if (idp.user === null) {
      back.searchParams.set('error', 'access_denied');
    } else {
      const code = b64url(randomBytes(16));
      grants.set(code, { nonce: q.nonce ?? '', challenge: q.code_challenge, redirectUri: q.redirect_uri!, user: idp.user, subject: idp.subject ?? `sub-${idp.user.toLowerCase()}` });
      back.searchParams.set('code', code);
    }
    return reply.redirect(back.href);
  });

  app.post('/token', async (req, reply) => {
    const body = req.body as Record<string, string>;
    // client_secret_basic: both parts form-urlencoded (RFC 6749 2.3.1); client_secret_post is accepted too.
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const [id, secret] = basic
      ? Buffer.from(basic, 'base64').toString().split(':').map((p) => decodeURIComponent(p.replace(/\+/g, ' ')))
      : [body.client_id, body.client_secret];
    if (id !== idp.clientId || secret !== idp.clientSecret) return reply.status(401).send({ error: 'invalid_client' });
    const grant = grants.get(body.code ?? '');
    grants.delete(body.code ?? ''); // a code is used once
    if (body.grant_type !== 'authorization_code' || !grant) return reply.status(400).send({ error: 'invalid_grant' });
    if (body.redirect_uri !== grant.redirectUri) return reply.status(400).send({ error: 'invalid_grant', error_description: 'redirect_uri' });
    const challenge = b64url(createHash('sha256').update(body.code_verifier ?? '').digest());
    if (challenge !== grant.challenge) return reply.status(400).send({ error: 'invalid_grant', error_description: 'PKCE verifier' });

    const claims: Record<string, unknown> = { sub: grant.subject, nonce: grant.nonce, preferred_username: grant.user, name: grant.user };
    idp.tamper?.(claims);
    const idToken = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: jwk.kid })
      .setIssuer(idp.url)
      .setAudience(idp.clientId)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    idp.tokensIssued++;
    return { access_token: b64url(randomBytes(16)), token_type: 'Bearer', expires_in: 300, id_token: idToken };
  });

  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  idp.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return idp;
}

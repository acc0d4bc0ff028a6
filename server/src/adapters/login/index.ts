// Staff login adapters. The local default, always on, is the password accounts (modules/auth/service.ts);
// OpenID Connect against the organisation's identity provider is added when OIDC_ISSUER and
// OIDC_CLIENT_ID are set. Either way the account and its roles live in Samservice.
import type { FastifyBaseLogger } from 'fastify';
import type { OidcConfig } from '../../config.ts';
import type { ExternalLogin } from './external.ts';
import { OidcLogin } from './oidc.ts';

export type { ExternalIdentity, ExternalLogin } from './external.ts';

export { OidcLogin, OidcLoginError, type OidcFailure } from './oidc.ts';
export { FLOW_TTL_SECONDS } from './flow.ts';

export interface StaffLogin {
  password: true;
  oidc: ExternalLogin | null;
}

export function createStaffLogin(config: OidcConfig | null, log: Pick<FastifyBaseLogger, 'info'>): StaffLogin {
  if (!config) return { password: true, oidc: null };
  log.info({ issuer: config.issuer, clientId: config.clientId }, 'staff login: OpenID Connect on (discovered at the first login)');
  return { password: true, oidc: new OidcLogin(config) };
}

// What every route declares: its policy action, how to find the resource it touches, and
// whether reading it is a read of personal data that must be audit-logged.
import type { FastifyRequest } from 'fastify';
import type { Action, Principal, ResourceScope } from '../modules/auth/policy.ts';

export interface AuditSpec {
  resourceType: string;
  /** Which id the request read or changed, for the audit row. */
  resourceId?: (req: FastifyRequest) => string | undefined;
  /** What the request did, for the audit row's details (field names and ids, never personal data). */
  details?: (req: FastifyRequest) => Record<string, unknown> | undefined;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    action?: Action;
    scope?: (req: FastifyRequest) => ResourceScope;
    /** Reads of personal data set this; every mutation is audited regardless. */
    audit?: AuditSpec;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** Scope of a route whose `:id` path parameter is an office. */
export const officeFromParams = (req: FastifyRequest): ResourceScope => ({ officeId: (req.params as { id?: string }).id });

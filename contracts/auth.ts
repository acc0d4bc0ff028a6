// Auth and user-admin schemas shared by server and web.
import { Type, type Static } from 'typebox';
import { Id } from './registry.ts';

export const RoleName = Type.Union([
  Type.Literal('service_officer'),
  Type.Literal('agency_officer'),
  Type.Literal('coordinator'),
  Type.Literal('office_manager'),
  Type.Literal('planner'),
  Type.Literal('admin'),
]);

export const RoleGrant = Type.Object(
  {
    role: RoleName,
    agencyId: Type.Union([Id, Type.Null()]),
    officeId: Type.Union([Id, Type.Null()]),
    countyCode: Type.Union([Type.String({ pattern: '^[0-9]{2}$' }), Type.Null()]),
  },
  { additionalProperties: false },
);
export type RoleGrantBody = Static<typeof RoleGrant>;

export const LoginInput = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type LoginInput = Static<typeof LoginInput>;

export const Me = Type.Object({
  id: Id,
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(RoleGrant),
});
export type Me = Static<typeof Me>;

/** Which ways of logging in the login page offers: passwords always, the organisation's IdP when configured. */
export const LoginMethods = Type.Object({ password: Type.Boolean(), oidc: Type.Boolean() });
export type LoginMethods = Static<typeof LoginMethods>;

export const UserInput = Type.Object(
  {
    username: Type.String({ pattern: '^[a-z0-9._-]{3,64}$' }),
    displayName: Type.String({ minLength: 2, maxLength: 120 }),
    password: Type.String({ minLength: 10, maxLength: 200 }),
    roles: Type.Array(RoleGrant, { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type UserInput = Static<typeof UserInput>;

export const UserPatch = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 2, maxLength: 120 })),
    password: Type.Optional(Type.String({ minLength: 10, maxLength: 200 })),
    disabled: Type.Optional(Type.Boolean()),
    roles: Type.Optional(Type.Array(RoleGrant, { minItems: 1 })),
    /** null unbinds the account from its identity provider subject; its next OIDC login binds again. */
    oidcBinding: Type.Optional(Type.Null()),
  },
  { additionalProperties: false },
);
export type UserPatch = Static<typeof UserPatch>;

export const User = Type.Object({
  id: Id,
  username: Type.String(),
  displayName: Type.String(),
  disabled: Type.Boolean(),
  createdAt: Type.String(),
  roles: Type.Array(RoleGrant),
  /** The identity provider's person this account is bound to (decision 0009), null until the first OIDC login. */
  oidcBinding: Type.Union([Type.Object({ issuer: Type.String(), subject: Type.String() }), Type.Null()]),
});
export type User = Static<typeof User>;

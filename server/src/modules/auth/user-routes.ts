// User administration. Staff accounts are personal data: every read is audit-logged.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { User, UserInput, UserPatch } from '../../../../contracts/auth.ts';
import { IdParams } from '../../../../contracts/registry.ts';
import { SESSION_COOKIE } from './service.ts';
import { createUser, getUser, listUsers, updateUser } from './users.ts';


export const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.deps.database.db;

  app.get('/users', {
    config: { action: 'users.read', audit: { resourceType: 'user', resourceId: () => '*' } },
    schema: { tags: ['users'], summary: 'List staff accounts and their roles', response: { 200: Type.Array(User) } },
  }, async () => listUsers(db));

  app.get('/users/:id', {
    config: { action: 'users.read', audit: { resourceType: 'user' } },
    schema: { tags: ['users'], summary: 'One staff account', params: IdParams, response: { 200: User } },
  }, async (req) => getUser(db, req.params.id));

  app.post('/users', {
    config: { action: 'users.write', audit: { resourceType: 'user' } },
    schema: { tags: ['users'], summary: 'Create a staff account', description: 'The password must pass the strength check (`validation_failed`, reason `weak_password`, field `password`).', body: UserInput, response: { 201: User } },
  }, async (req, reply) => reply.status(201).send(await createUser(db, req.body)));

  app.patch('/users/:id', {
    // The audit row names the fields changed (never their values), so an unbinding (oidcBinding) shows.
    config: { action: 'users.write', audit: { resourceType: 'user', details: (req) => ({ fields: Object.keys((req.body as object | undefined) ?? {}).sort() }) } },
    schema: { tags: ['users'], summary: 'Change a staff account (name, password, disabled, roles; oidcBinding: null unbinds it from its IdP subject)', description: 'A new password must pass the strength check (`validation_failed`, reason `weak_password`) and ends the user\'s sessions, all but the caller\'s own when the account is the caller\'s; disabling ends them all.', params: IdParams, body: UserPatch, response: { 200: User } },
  }, async (req) => {
    // An admin changing their own password stays logged in here; every other session of theirs ends.
    const own = req.principal?.userId === req.params.id ? req.cookies[SESSION_COOKIE] : undefined;
    return updateUser(db, req.params.id, req.body, { ownSessionToken: own });
  });
};

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { officerRoles } from '../platform/auth/schema.ts';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { listApiTokens, revokeApiToken } from './api-tokens.ts';
import { authorize } from './policy.ts';
import { exchangeCredentials } from './exchange-credentials.ts';
import { registerCitizen } from './register-citizen.ts';
import { emailField, nameField, newPasswordField, passwordField, totpField } from './inputs.ts';

export function registerAccountApi(fastify: FastifyInstance, opts: { authLimit: object }): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config } = app.deps;
  const db = () => app.deps.database.db;

  app.post(
    '/api/v1/accounts',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Register a citizen account; a verification link is mailed',
        body: z.object({ email: emailField, password: newPasswordField, name: nameField }),
        response: { 201: z.object({ status: z.literal('verification_sent') }), 422: ErrorJson },
      },
      config: opts.authLimit,
    },
    async (req, reply) => {
      await db().transaction((tx) =>
        registerCitizen(tx, callerOf(req, null), { ...req.body, lang: req.lang }, config.publicUrl),
      );
      return reply.code(201).send({ status: 'verification_sent' as const });
    },
  );

  app.post(
    '/api/v1/auth/token',
    {
      schema: {
        tags: ['accounts'],
        summary:
          'Exchange email and password (and the TOTP code of officers) for a bearer token, valid for API_TOKEN_DAYS',
        body: z.object({
          email: emailField,
          password: passwordField,
          totp: totpField.optional(),
          name: z.string().trim().min(1).max(80).optional(),
        }),
        response: {
          200: z.object({ token: z.string() }),
          401: ErrorJson,
          403: ErrorJson,
          422: ErrorJson,
          429: ErrorJson,
        },
      },
      config: opts.authLimit,
    },
    async (req) => ({
      token: await exchangeCredentials(db(), callerOf(req, null), req.body, config.signInThrottle, config.apiTokenDays),
    }),
  );

  const Me = z.object({
    id: z.string(),
    kind: z.enum(['citizen', 'officer']),
    name: z.string(),
    email: z.string(),
    role: z.enum(officerRoles).nullable(),
    unitCode: z.string().nullable(),
  });
  app.get(
    '/api/v1/me',
    { schema: { tags: ['accounts'], security: [{ bearer: [] }], response: { 200: Me, 401: ErrorJson } } },
    async (req) => {
      const a = requireActor(req);
      return { id: a.id, kind: a.kind, name: a.name, email: a.email, role: a.role, unitCode: a.unitCode };
    },
  );

  const TokenJson = z.object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.date(),
    lastUsedAt: z.date().nullable(),
    expiresAt: z.date(),
    revokedAt: z.date().nullable(),
  });
  app.get(
    '/api/v1/me/tokens',
    {
      schema: { tags: ['accounts'], security: [{ bearer: [] }], response: { 200: z.array(TokenJson), 401: ErrorJson } },
    },
    async (req) => {
      const actor = requireActor(req);
      authorize(actor, 'token.create');
      return listApiTokens(db(), actor.id);
    },
  );
  app.delete(
    '/api/v1/me/tokens/:id',
    {
      schema: {
        tags: ['accounts'],
        security: [{ bearer: [] }],
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), 401: ErrorJson, 404: ErrorJson },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await db().transaction((tx) => revokeApiToken(tx, callerOf(req, actor), actor.id, req.params.id));
      return reply.code(204).send(null);
    },
  );
}

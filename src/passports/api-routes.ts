import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDateField } from '../platform/http/fields.ts';
import { authorizedApplication } from '../appointments/own-application.ts';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { actorScope } from '../units/scope.ts';
import { chooseSaturdayPickup } from './choose-saturday-pickup.ts';
import { authorize } from './policy.ts';
import { passportStatuses } from './schema.ts';
import { viewPassport } from './view-passport.ts';

const PassportJson = z.object({
  number: z.string(),
  type: z.enum(['biasa', 'elektronik']),
  holderName: z.string(),
  birthDate: z.string(),
  sex: z.enum(['F', 'M']),
  issueDate: z.string(),
  expiryDate: z.string(),
  unitCode: z.string(),
  mrz: z.tuple([z.string(), z.string()]),
  status: z.enum(passportStatuses),
});

export function registerPassportApi(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  app.get(
    '/api/v1/passports/:number',
    {
      schema: {
        tags: ['passports'],
        summary: 'A printed passport with its MRZ (officers whose scope covers its unit; every view is audited)',
        security: [{ bearer: [] }],
        params: z.object({
          number: z
            .string()
            .trim()
            .toUpperCase()
            .regex(/^[A-Z0-9]{1,12}$/, 'v.invalid'),
        }),
        response: { 200: PassportJson, 401: ErrorJson, 403: ErrorJson, 404: ErrorJson, 422: ErrorJson },
      },
      config: {
        auditRefusals: {
          action: 'passport.view',
          targetType: 'passport',
          target: (req) => (req.params as { number?: string }).number,
        },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      // Who may never see passports is refused before the lookup; in-role officers of other units get 404 below.
      authorize(actor, 'passport.view', { unitCode: actor.unitCode, scope: actor.unitCode ? [actor.unitCode] : [] });
      const scope = await actorScope(db(), actor);
      return db().transaction((tx) => viewPassport(tx, callerOf(req, actor), { number: req.params.number, scope }));
    },
  );

  app.post(
    '/api/v1/applications/:id/saturday-pickup',
    {
      schema: {
        tags: ['passports'],
        summary:
          'Choose (or change) the Saturday to collect the passport (si Koe TOS): one of the next four Saturdays with room',
        security: [{ bearer: [] }],
        params: z.object({ id: z.uuid() }),
        body: z.object({ date: isoDateField }),
        response: {
          200: z.object({ date: z.string(), unitCode: z.string() }),
          401: ErrorJson,
          403: ErrorJson,
          404: ErrorJson,
          409: ErrorJson,
          422: ErrorJson,
        },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const application = await authorizedApplication(db(), actor, req.params.id, 'application.book');
      return db().transaction((tx) =>
        chooseSaturdayPickup(tx, callerOf(req, actor), { applicationId: application.id, date: req.body.date }),
      );
    },
  );
}

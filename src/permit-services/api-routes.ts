import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { fileApplication } from './file-application.ts';
import { ApplicationJson, FilingBody } from './inputs.ts';
import type { PermitApplication } from './schema.ts';

export const applicationJson = (a: PermitApplication) => ({
  id: a.id,
  service: a.service,
  permitId: a.permitId,
  status: a.status,
  filedOn: a.filedOn,
  feeAmount: a.feeAmount,
  feeRegulation: a.feeRegulation,
  billingCode: a.billingCode,
  dueOn: a.dueOn,
});

export function registerPermitServiceApi(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/v1/stay-permits',
    {
      schema: {
        tags: ['stay-permits'],
        summary: 'Apply for a service on a stay permit (extension, alih status, EPO, cancellation)',
        description:
          'Filed by a member of the permit’s sponsor, or by its holder with a passport number and birth date of theirs ' +
          'and the permit number printed on the permit. Anyone else, or a permit that does not exist, is answered 422 ' +
          'with one message on `permitId` (never telling whether the permit exists). ' +
          'The rule and tariff in force today decide; a refusal names the reason on `service` and changes nothing. ' +
          'The answer carries the billing code to pay (none for a free service). A resend with the same `requestId` ' +
          'returns the application already filed.',
        security: [{ bearer: [] }],
        body: FilingBody,
        response: { 201: ApplicationJson, 401: ErrorJson, 404: ErrorJson, 409: ErrorJson, 422: ErrorJson },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const db = app.deps.database.db;
      const application = await db.transaction((tx) => fileApplication(tx, callerOf(req, actor), req.body));
      return reply.code(201).send(applicationJson(application));
    },
  );
}

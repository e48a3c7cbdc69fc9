import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { witaDate } from '../platform/calendar/wita.ts';
import { formErrors } from '../platform/http/errors.ts';
import { csrfField, isoDateField } from '../platform/http/fields.ts';
import { callerOf } from '../platform/http/guards.ts';
import type { FormState } from '../platform/views/form.tsx';
import { grantLodgingRead } from './grant-lodging-read.ts';
import { listLodgingGrants } from './list-lodging-grants.ts';
import { revokeLodgingRead } from './revoke-lodging-read.ts';
import { oversightAccess } from './oversight-access.ts';
import { oversightBase } from './views/lodged-now-page.tsx';
import { PartnerGrantsPage } from './views/partner-grants-page.tsx';

const Unit = z.object({ code: z.string().min(1).max(60) });
const GrantParams = Unit.extend({ grantId: z.uuid() });
const GrantForm = z.object({
  email: z.string().trim().toLowerCase().email('v.email').max(200),
  validUntil: isoDateField,
});

/** The head of office's page that gives partner police read access to the unit's lodged foreigners, and ends it. */
export function registerPartnerGrantRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  const page = async (req: FastifyRequest, reply: FastifyReply, state: FormState = {}, status = 200) => {
    const access = await oversightAccess(db(), req, 'lodging.grantRead');
    const grants = await listLodgingGrants(db(), access.unitCode);
    return reply.page(
      <PartnerGrantsPage
        ctx={reply.ctx()}
        unitCode={access.unitCode}
        grants={grants}
        today={witaDate()}
        state={state}
      />,
      status,
    );
  };

  app.get('/officer/units/:code/lodgings/partners', { schema: { hide: true, params: Unit } }, (req, reply) =>
    page(req, reply),
  );

  app.post(
    '/officer/units/:code/lodgings/partners',
    {
      schema: { hide: true, params: Unit, body: GrantForm.extend(csrfField) },
      config: {
        errorPage: (req, reply, error, fields) =>
          page(
            req,
            reply,
            { values: (req.body ?? {}) as Record<string, unknown>, errors: formErrors(req.t, error, fields) },
            error.status,
          ),
      },
    },
    async (req, reply) => {
      await db().transaction(async (tx) => {
        const access = await oversightAccess(tx, req, 'lodging.grantRead');
        await grantLodgingRead(
          tx,
          { ...callerOf(req), actor: access.actor },
          { unitCode: access.unitCode, email: req.body.email, validUntil: req.body.validUntil },
          witaDate(),
        );
      });
      return reply.redirect(`${oversightBase(req.params.code)}/partners`, 303);
    },
  );

  app.post(
    '/officer/units/:code/lodgings/partners/:grantId/revoke',
    { schema: { hide: true, params: GrantParams, body: z.object(csrfField) } },
    async (req, reply) => {
      await db().transaction(async (tx) => {
        const access = await oversightAccess(tx, req, 'lodging.grantRead');
        await revokeLodgingRead(
          tx,
          { ...callerOf(req), actor: access.actor },
          {
            unitCode: access.unitCode,
            grantId: req.params.grantId,
          },
        );
      });
      return reply.redirect(`${oversightBase(req.params.code)}/partners`, 303);
    },
  );
}

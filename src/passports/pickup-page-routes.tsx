import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pickupStatuses } from '../applications/application-statuses.ts';
import { authorizedApplication } from '../appointments/own-application.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import type { FormState } from '../platform/views/form.tsx';
import { getUnit } from '../units/list-units.ts';
import { chooseSaturdayPickup } from './choose-saturday-pickup.ts';
import { livePickup, pickupChoices } from './saturday-slots.ts';
import { SaturdayPickupPage } from './views/saturday-pickup-page.tsx';
import { csrfField } from '../platform/http/fields.ts';

const Params = z.object({ id: z.uuid() });
const Body = z.object({
  ...csrfField,
  date: z.string({ error: 'v.choose' }).refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d), 'v.choose'),
});

/** The applicant's own page to choose a Saturday pickup (si Koe TOS). */
export function registerSaturdayPickupPages(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  const page = async (req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    const actor = requireActor(req);
    const application = await authorizedApplication(db(), actor, (req.params as { id: string }).id, 'application.book');
    const unit = await getUnit(db(), application.unitCode!);
    const [current, choices] = await Promise.all([
      livePickup(db(), application.id),
      pickupChoices(db(), unit.code, witaDate()),
    ]);
    const open = pickupStatuses.includes(application.status);
    return reply.page(
      <SaturdayPickupPage
        ctx={reply.ctx()}
        applicationId={application.id}
        unitName={unit.name}
        open={open}
        current={current?.date ?? null}
        choices={choices}
        state={state}
      />,
      status,
    );
  };

  app.get('/applications/:id/saturday-pickup', { schema: { hide: true, params: Params } }, (req, reply) =>
    page(req, reply, {}),
  );

  app.post(
    '/applications/:id/saturday-pickup',
    {
      schema: { hide: true, params: Params, body: Body },
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
      const actor = requireActor(req);
      const application = await authorizedApplication(db(), actor, req.params.id, 'application.book');
      await db().transaction((tx) =>
        chooseSaturdayPickup(tx, callerOf(req, actor), { applicationId: application.id, date: req.body.date }),
      );
      return reply.redirect(`/applications/${application.id}/saturday-pickup?saved=1`, 303);
    },
  );
}

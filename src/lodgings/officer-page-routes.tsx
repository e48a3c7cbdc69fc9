import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { csrfField } from '../platform/http/fields.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import type { FormState } from '../platform/views/form.tsx';
import { findVillage } from '../regions/find-village.ts';
import { actorScope } from '../units/scope.ts';
import { availableLodgingSteps } from './available-actions.ts';
import { getLodging, listLodgingsOfUnits, listMembers, lodgingHistory } from './get-lodging.ts';
import { LodgingParams, LodgingStepBody } from './inputs.ts';
import { performLodgingAction } from './perform-lodging-action.ts';
import { authorize, authorizeRole } from './policy.ts';
import { OfficerLodgingPage } from './views/officer-lodging-page.tsx';
import { OfficerLodgingsPage } from './views/officer-lodgings-page.tsx';

const StepPageBody = LodgingStepBody.extend(csrfField);

/** The office's verification of lodgings: the list of those waiting, each lodging's page and its steps. */
export function registerLodgingOfficerPages(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config } = app.deps;
  const db = () => app.deps.database.db;

  app.get('/officer/lodgings/verification', { schema: { hide: true } }, async (req, reply) => {
    const actor = requireActor(req);
    authorizeRole(actor, 'lodging.verify');
    const scope = await actorScope(db(), actor);
    const [pending, suspended] = await Promise.all([
      listLodgingsOfUnits(db(), scope, ['pending']),
      listLodgingsOfUnits(db(), scope, ['suspended']),
    ]);
    return reply.page(<OfficerLodgingsPage ctx={reply.ctx()} pending={pending} suspended={suspended} />);
  });

  const lodgingPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    state: FormState & { step?: string },
    status = 200,
  ) => {
    const actor = requireActor(req);
    authorizeRole(actor, 'lodging.verify');
    const lodging = await getLodging(db(), (req.params as { id: string }).id);
    const scope = await actorScope(db(), actor);
    authorize(actor, 'lodging.verify', { unitCode: lodging.unitCode, scope });
    const [members, history, village] = await Promise.all([
      listMembers(db(), lodging.id),
      lodgingHistory(db(), lodging.id),
      findVillage(db(), lodging.villageCode),
    ]);
    const place = village ? `${village.village}, ${village.district}, ${village.regency}` : lodging.villageCode;
    return reply.page(
      <OfficerLodgingPage
        ctx={reply.ctx()}
        lodging={lodging}
        place={place}
        members={members}
        history={history}
        steps={availableLodgingSteps(actor, lodging, scope)}
        state={state}
        requestId={crypto.randomUUID()}
      />,
      status,
    );
  };

  app.get('/officer/lodgings/verification/:id', { schema: { hide: true, params: LodgingParams } }, (req, reply) =>
    lodgingPage(req, reply, {}),
  );

  app.post(
    '/officer/lodgings/verification/:id/actions',
    {
      schema: { hide: true, params: LodgingParams, body: StepPageBody },
      config: {
        errorPage: (req, reply, error, fields) => {
          const body = (req.body ?? {}) as Record<string, unknown>;
          const step = typeof body.step === 'string' ? body.step : undefined;
          return lodgingPage(
            req,
            reply,
            { values: body, errors: formErrors(req.t, error, fields), step },
            error.status,
          );
        },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      authorizeRole(actor, 'lodging.verify');
      const { step, reason, requestId } = req.body;
      await db().transaction((tx) =>
        performLodgingAction(
          tx,
          callerOf(req, actor),
          { lodgingId: req.params.id, step, reason, requestId },
          { publicUrl: config.publicUrl },
        ),
      );
      return reply.redirect(`/officer/lodgings/verification/${req.params.id}`, 303);
    },
  );
}

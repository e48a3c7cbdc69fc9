import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../platform/auth/actor.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { AppError, FieldErrors } from '../platform/errors.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import type { FormState } from '../platform/views/form.tsx';
import { listUnits } from '../units/list-units.ts';
import { actorScope } from '../units/scope.ts';
import { availableDetaineeSteps } from './available-actions.ts';
import { reportOccupancy } from './count-occupancy.ts';
import { getDetainee } from './get-detainee.ts';
import { DetaineeActionBody, DetaineeParams, OccupancyQuery, PlacementForm } from './inputs.ts';
import { listAlerts } from './list-alerts.ts';
import { listDetainees } from './list-detainees.ts';
import { performDetaineeAction } from './perform-detainee-action.ts';
import { placeDetainee } from './place-detainee.ts';
import { authorizeRole, roleMay } from './policy.ts';
import { DetaineePage } from './views/detainee-page.tsx';
import { DetentionPage } from './views/detention-page.tsx';
import { OccupancyPage } from './views/occupancy-page.tsx';
import { PlacementPage } from './views/placement-page.tsx';

const sentState = (req: FastifyRequest, error: AppError, fields: FieldErrors): FormState => ({
  values: (req.body ?? {}) as Record<string, unknown>,
  errors: formErrors(req.t, error, fields),
});
const requestIdOf = (state: FormState) => {
  const sent = state.values?.requestId;
  return typeof sent === 'string' && sent ? sent : crypto.randomUUID();
};

/** The Rudenim's pages: the detainees and alerts, placement, one detainee with its steps, the occupancy report. */
export function registerDetentionPages(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  const placementPage = async (req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    const actor: Actor = requireActor(req);
    authorizeRole(actor, 'detention.place');
    const units = (await listUnits(db())).filter((u) => u.kind === 'rudenim' || u.kind === 'kanim');
    const values = { unitCode: 'RUDENIM-KUPANG', authorityUnitCode: 'RUDENIM-KUPANG', ...state.values };
    return reply.page(
      <PlacementPage ctx={reply.ctx()} state={{ ...state, values }} requestId={requestIdOf(state)} units={units} />,
      status,
    );
  };

  const detaineePage = async (req: FastifyRequest, reply: FastifyReply, id: string, state: FormState, status = 200) => {
    const actor = requireActor(req);
    const view = await db().transaction((tx) => getDetainee(tx, callerOf(req, actor), id));
    const steps = availableDetaineeSteps(actor, view.detainee, view.scope);
    return reply.page(
      <DetaineePage ctx={reply.ctx()} view={view} steps={steps} state={state} requestId={crypto.randomUUID()} />,
      status,
    );
  };

  app.get('/officer/detention', { schema: { hide: true } }, async (req, reply) => {
    const actor = requireActor(req);
    const { rows, alerts } = await db().transaction(async (tx) => {
      const list = await listDetainees(tx, callerOf(req, actor));
      return { rows: list.rows, alerts: await listAlerts(tx, await actorScope(tx, actor)) };
    });
    return reply.page(
      <DetentionPage ctx={reply.ctx()} rows={rows} alerts={alerts} canPlace={roleMay(actor, 'detention.place')} />,
    );
  });

  app.get('/officer/detention/new', { schema: { hide: true } }, (req, reply) => placementPage(req, reply, {}));

  app.post(
    '/officer/detention/new',
    {
      schema: { hide: true, body: PlacementForm },
      config: {
        errorPage: (req, reply, error, fields) =>
          placementPage(req, reply, sentState(req, error, fields), error.status),
      },
    },
    async (req, reply) => {
      const caller = callerOf(req, requireActor(req));
      const { surname, givenNames, nationality, issuingState, documentNumber, birthDate, sex, expiresOn, ...rest } =
        req.body;
      const document = { surname, givenNames, nationality, issuingState, documentNumber, birthDate, sex };
      const detainee = await db().transaction((tx) =>
        placeDetainee(tx, caller, { ...rest, document: { ...document, expiresOn: expiresOn ?? null } }),
      );
      return reply.redirect(`/officer/detention/detainees/${detainee.id}`, 303);
    },
  );

  app.get('/officer/detention/detainees/:id', { schema: { hide: true, params: DetaineeParams } }, (req, reply) =>
    detaineePage(req, reply, req.params.id, {}),
  );

  app.post(
    '/officer/detention/detainees/:id/actions',
    {
      schema: { hide: true, params: DetaineeParams, body: DetaineeActionBody },
      config: {
        errorPage: (req, reply, error, fields) =>
          [409, 422].includes(error.status)
            ? detaineePage(req, reply, (req.params as { id: string }).id, sentState(req, error, fields), error.status)
            : Promise.reject(error),
      },
    },
    async (req, reply) => {
      const caller = callerOf(req, requireActor(req));
      await db().transaction((tx) => performDetaineeAction(tx, caller, req.params.id, req.body));
      return reply.redirect(`/officer/detention/detainees/${req.params.id}`, 303);
    },
  );

  app.get(
    '/officer/detention/occupancy',
    { schema: { hide: true, querystring: OccupancyQuery } },
    async (req, reply) => {
      const caller = callerOf(req, requireActor(req));
      const report = await db().transaction((tx) =>
        reportOccupancy(tx, caller, req.query.unit, req.query.on ?? witaDate()),
      );
      return reply.page(<OccupancyPage ctx={reply.ctx()} report={report} />);
    },
  );
}

import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { witaDate } from '../platform/calendar/wita.ts';
import { formErrors } from '../platform/http/errors.ts';
import { csrfField } from '../platform/http/fields.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import type { FormState } from '../platform/views/form.tsx';
import { decideCrossing } from './decide-crossing.ts';
import { CrossingBody, DecisionBody, DeskCrossingParams, PointParams } from './inputs.ts';
import { listOverdueReturns, openDesk } from './open-desk.ts';
import { authorizeRole } from './policy.ts';
import { recordCrossing } from './record-crossing.ts';
import { directions } from './schema.ts';
import { viewCrossing } from './view-crossing.ts';
import { DeskPage } from './views/desk-page.tsx';
import { OverduePage } from './views/overdue-page.tsx';
import { VerdictPage } from './views/verdict-page.tsx';

const DeskQuery = z.object({ direction: z.enum(directions).optional() });
const VerdictQuery = z.object({ repeated: z.literal('1').optional() });

/** The desk's pages (Indonesian first, small, no JavaScript needed): the form, the verdict, the overdue PLB holders. */
export function registerDeskPages(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  const deskPage = async (req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    const actor = requireActor(req);
    const { code } = req.params as { code: string };
    const { point, held } = await openDesk(db(), callerOf(req, actor), code);
    const page = <DeskPage ctx={reply.ctx()} point={point} held={held} state={state} requestId={crypto.randomUUID()} />;
    return reply.page(page, status);
  };

  app.get(
    '/officer/crossing-points/:code/desk',
    { schema: { hide: true, params: PointParams, querystring: DeskQuery } },
    (req, reply) => deskPage(req, reply, { values: { direction: req.query.direction ?? 'departure' } }),
  );

  app.post(
    '/officer/crossing-points/:code/desk',
    {
      schema: { hide: true, params: PointParams, body: CrossingBody.extend(csrfField) },
      config: {
        errorPage: (req, reply, error, fields) => {
          if (error.status === 403 || error.status === 404) throw error;
          const values = (req.body ?? {}) as Record<string, unknown>;
          return deskPage(req, reply, { values, errors: formErrors(req.t, error, fields) }, error.status);
        },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      authorizeRole(actor, 'crossing.record');
      const { _csrf: _, ...body } = req.body;
      const { crossing, repeated } = await db().transaction((tx) =>
        recordCrossing(tx, callerOf(req, actor), { ...body, pointCode: req.params.code }),
      );
      const url = `/officer/crossing-points/${req.params.code}/desk/crossings/${crossing.id}`;
      return reply.redirect(repeated ? `${url}?repeated=1` : url, 303);
    },
  );

  const verdictPage = async (req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    const caller = callerOf(req, requireActor(req));
    const { code, id } = req.params as { code: string; id: string };
    const { view, pointName } = await db().transaction(async (tx) => {
      const desk = await openDesk(tx, caller, code);
      return { view: await viewCrossing(tx, caller, id), pointName: desk.point.name };
    });
    if (view.crossing.pointCode !== code)
      return reply.redirect(`/officer/crossing-points/${view.crossing.pointCode}/desk/crossings/${id}`, 303);
    const decision = view.decisions.length > 0 ? { state, requestId: crypto.randomUUID() } : null;
    const repeated = (req.query as { repeated?: string }).repeated === '1';
    return reply.page(
      <VerdictPage ctx={reply.ctx()} pointName={pointName} view={view} repeated={repeated} decision={decision} />,
      status,
    );
  };

  app.get(
    '/officer/crossing-points/:code/desk/crossings/:id',
    { schema: { hide: true, params: DeskCrossingParams, querystring: VerdictQuery } },
    (req, reply) => verdictPage(req, reply, {}),
  );

  app.post(
    '/officer/crossing-points/:code/desk/crossings/:id/decision',
    {
      schema: { hide: true, params: DeskCrossingParams, body: DecisionBody.extend(csrfField) },
      config: {
        errorPage: (req, reply, error, fields) => {
          if (error.status === 403 || error.status === 404) throw error;
          const values = (req.body ?? {}) as Record<string, unknown>;
          return verdictPage(req, reply, { values, errors: formErrors(req.t, error, fields) }, error.status);
        },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      authorizeRole(actor, 'crossing.decide');
      const { _csrf: _, ...body } = req.body;
      await db().transaction((tx) => decideCrossing(tx, callerOf(req, actor), { ...body, crossingId: req.params.id }));
      return reply.redirect(`/officer/crossing-points/${req.params.code}/desk/crossings/${req.params.id}`, 303);
    },
  );

  app.get(
    '/officer/crossing-points/:code/overdue',
    { schema: { hide: true, params: PointParams } },
    async (req, reply) => {
      const actor = requireActor(req);
      authorizeRole(actor, 'crossing.record');
      const caller = callerOf(req, actor);
      const { point, rows } = await db().transaction((tx) =>
        listOverdueReturns(tx, caller, req.params.code, witaDate()),
      );
      return reply.page(<OverduePage ctx={reply.ctx()} point={point} rows={rows} />);
    },
  );
}

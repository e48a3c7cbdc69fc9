import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { witaDate } from '../platform/calendar/wita.ts';
import { formErrors } from '../platform/http/errors.ts';
import { csrfField } from '../platform/http/fields.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import type { FormState } from '../platform/views/form.tsx';
import { listUnits } from '../units/list-units.ts';
import { organisationRoot } from '../units/organisation-root.ts';
import { actorScope } from '../units/scope.ts';
import { getCrossingPoint, listCrossingPoints } from './get-crossing-point.ts';
import { PlbSwitchBody, PointParams } from './inputs.ts';
import { plbHistory } from './plb-history.ts';
import { authorizeRole, can } from './policy.ts';
import { switchPlbAcceptance } from './switch-plb-acceptance.ts';
import { CrossingPointPage } from './views/crossing-point-page.tsx';
import { CrossingPointsPage } from './views/crossing-points-page.tsx';

/** Officers' pages (Indonesian first): the crossing points, one point's PLB history and its switch. */
export function registerCrossingPointPages(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const unitNames = async () => new Map((await listUnits(db())).map((u) => [u.code, u.name]));

  app.get('/officer/crossing-points', { schema: { hide: true } }, async (req, reply) => {
    authorizeRole(requireActor(req), 'crossing_point.view');
    const [points, names] = await Promise.all([listCrossingPoints(db()), unitNames()]);
    return reply.page(<CrossingPointsPage ctx={reply.ctx()} points={points} unitNames={names} today={witaDate()} />);
  });

  const pointPage = async (req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    const actor = requireActor(req);
    authorizeRole(actor, 'crossing_point.view');
    const { code } = req.params as { code: string };
    const point = await getCrossingPoint(db(), code);
    const [history, names, scope, root] = await Promise.all([
      plbHistory(db(), code),
      unitNames(),
      actorScope(db(), actor),
      organisationRoot(db()),
    ]);
    const maySwitch =
      point.documents.includes('plb') &&
      can(actor, 'crossing_point.switch_plb', { unitCode: point.unitCode, scope, root });
    const values = state.values ?? { effectiveFrom: witaDate() };
    return reply.page(
      <CrossingPointPage
        ctx={reply.ctx()}
        point={point}
        unitName={names.get(point.unitCode) ?? point.unitCode}
        history={history}
        today={witaDate()}
        switchForm={maySwitch ? { state: { ...state, values }, requestId: crypto.randomUUID() } : null}
      />,
      status,
    );
  };

  app.get('/officer/crossing-points/:code', { schema: { hide: true, params: PointParams } }, (req, reply) =>
    pointPage(req, reply, {}),
  );

  app.post(
    '/officer/crossing-points/:code/plb',
    {
      schema: { hide: true, params: PointParams, body: PlbSwitchBody.extend(csrfField) },
      config: {
        errorPage: (req, reply, error, fields) => {
          // A refused officer gets the refusal, not the page without its form.
          if (error.status === 403) throw error;
          const values = (req.body ?? {}) as Record<string, unknown>;
          return pointPage(req, reply, { values, errors: formErrors(req.t, error, fields) }, error.status);
        },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      authorizeRole(actor, 'crossing_point.switch_plb');
      const { accepts, effectiveFrom, reason, requestId } = req.body;
      await db().transaction((tx) =>
        switchPlbAcceptance(tx, callerOf(req, actor), {
          code: req.params.code,
          accepts: accepts === 'yes',
          effectiveFrom,
          reason,
          requestId,
        }),
      );
      return reply.redirect(`/officer/crossing-points/${req.params.code}`, 303);
    },
  );
}

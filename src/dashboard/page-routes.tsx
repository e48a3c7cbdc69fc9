import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { witaDate } from '../platform/calendar/wita.ts';
import { formErrors } from '../platform/http/errors.ts';
import { requireActor } from '../platform/http/guards.ts';
import { listUnits } from '../units/list-units.ts';
import { actorScope } from '../units/scope.ts';
import { DashboardQuery } from './inputs.ts';
import { authorizeRole, listsOpenTo } from './policy.ts';
import { organisationRoot } from '../units/organisation-root.ts';
import { dashboardPeriod, viewDashboard } from './view-dashboard.ts';
import { DashboardPage } from './views/dashboard-page.tsx';

/** The dashboard page: a no-JS form of unit and period, the figures, the breakdowns and the per-unit table. */
export function registerDashboardPages(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // Figures read where reports read: DATABASE_READ_URL's standby, else the primary.
  const db = () => app.deps.database.readDb;

  /** The form again with the messages, for a period that cannot be shown: nothing counted. */
  const refused = async (req: FastifyRequest, reply: FastifyReply, errors: Record<string, string>, status: number) => {
    const actor = requireActor(req);
    authorizeRole(actor);
    const query = (req.query ?? {}) as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    const scope = await actorScope(db(), actor);
    const choosable = (await listUnits(db())).filter((u) => scope.includes(u.code));
    return reply.page(
      <DashboardPage
        ctx={reply.ctx()}
        today={witaDate()}
        filter={{ unit: text(query.unit) || actor.unitCode!, from: text(query.from), to: text(query.to) }}
        choosable={choosable}
        errors={errors}
      />,
      status,
    );
  };

  app.get(
    '/officer/dashboard',
    {
      schema: { hide: true, querystring: DashboardQuery },
      config: {
        errorPage: (req, reply, error, fields) => {
          if (error.code !== 'validation_failed') throw error;
          return refused(req, reply, formErrors(req.t, error, fields), error.status);
        },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const today = witaDate();
      const dashboard = await viewDashboard(db(), actor, req.query, today, app.deps.config.figuresMaxAgeSeconds);
      const { from, to } = dashboardPeriod(req.query, today);
      return reply.page(
        <DashboardPage
          ctx={reply.ctx()}
          today={today}
          filter={{ unit: dashboard.unit.code, from, to }}
          choosable={dashboard.choosable}
          dashboard={dashboard}
          links={listsOpenTo(actor, await organisationRoot(db()))}
        />,
      );
    },
  );
}

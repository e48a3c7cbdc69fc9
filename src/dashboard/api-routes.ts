import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { witaDate } from '../platform/calendar/wita.ts';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { requireActor } from '../platform/http/guards.ts';
import { DashboardJson, DashboardQuery } from './inputs.ts';
import { viewDashboard } from './view-dashboard.ts';

/** The dashboard's figures as JSON, for the same viewers and scopes as the page. */
export function registerDashboardApiRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // Figures read where reports read: DATABASE_READ_URL's standby, else the primary.
  const db = () => app.deps.database.readDb;

  app.get(
    '/api/v1/dashboard',
    {
      schema: {
        tags: ['dashboard'],
        summary:
          'The figures of a unit and the units below it (the head of office’s, admin’s or auditor’s own unit, or one in their scope) for a period of WITA days, with the same period a year before, each unit’s own figures, passports by type and deferrals by reason: counts only',
        security: [{ bearer: [] }],
        querystring: DashboardQuery,
        response: { 200: DashboardJson, 401: ErrorJson, 403: ErrorJson, 404: ErrorJson, 422: ErrorJson },
      },
    },
    async (req) => {
      const {
        choosable: _,
        unit,
        ...dashboard
      } = await viewDashboard(db(), requireActor(req), req.query, witaDate(), app.deps.config.figuresMaxAgeSeconds);
      return { ...dashboard, unit: { code: unit.code, name: unit.name } };
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { OverstayFilter, OverstayListJson } from './inputs.ts';
import { listOverstays } from './list-overstays.ts';

/** The overstays API: officers read their units' overstays. */
export function registerOverstayApiRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  app.get(
    '/api/v1/overstays',
    {
      schema: {
        tags: ['overstays'],
        summary:
          'Overstay periods of the officer’s units (or one unit in scope), newest first (at most 500), with the charge, billing code and proposal: a holder who paid and stayed has a period for the days after the paid ones; audited',
        security: [{ bearer: [] }],
        querystring: OverstayFilter,
        response: { 200: OverstayListJson, 401: ErrorJson, 403: ErrorJson, 422: ErrorJson },
      },
    },
    async (req) => {
      const caller = callerOf(req, requireActor(req));
      const { rows } = await db().transaction((tx) =>
        listOverstays(tx, caller, { status: req.query.status, unitCode: req.query.unit }),
      );
      return rows.map((r) => ({
        id: r.id,
        permitId: r.permitId,
        foreignerId: r.foreignerId,
        person: r.person,
        unitCode: r.unitCode,
        startedOn: r.startedOn,
        firstDay: r.firstDay,
        lastDay: r.lastDay,
        days: r.days,
        dailyRate: r.dailyRate,
        amount: r.amount,
        status: r.status,
        departedOn: r.departedOn,
        billingCode: r.status === 'open' ? r.billingCode : null,
        billingExpiresAt: r.status === 'open' ? r.billingExpiresAt : null,
        paidAt: r.paidAt,
        proposal: r.proposal && {
          id: r.proposal.id,
          reason: r.proposal.reason,
          status: r.proposal.status,
          proposedOn: r.proposal.proposedOn,
          acknowledgedAt: r.proposal.acknowledgedAt,
        },
      }));
    },
  );
}

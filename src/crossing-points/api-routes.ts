import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { witaDate } from '../platform/calendar/wita.ts';
import { listCrossingPoints, plbSwitchOn, plbUsableAt } from './get-crossing-point.ts';
import { CrossingPointListJson } from './inputs.ts';

/** The crossing points as public reference data: where to cross, with which document, and whether a PLB works today. */
export function registerCrossingPointApi(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  app.get(
    '/api/v1/crossing-points',
    {
      schema: {
        tags: ['border'],
        summary: 'Crossing points (PLBN, traditional crossings, sea and air TPI) and whether a PLB may be used today',
        response: { 200: CrossingPointListJson },
      },
    },
    async () => {
      const today = witaDate();
      return (await listCrossingPoints(db())).map((p) => ({
        code: p.code,
        name: p.name,
        kind: p.kind,
        unitCode: p.unitCode,
        counterpart: p.counterpart,
        serviceHours: p.serviceHours,
        documents: p.documents,
        plbAccepted: plbUsableAt(p, today),
        plbSwitchedFrom: plbSwitchOn(p, today)?.effectiveFrom ?? null,
      }));
    },
  );
}

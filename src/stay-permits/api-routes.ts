import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { witaDate } from '../platform/calendar/wita.ts';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { daysLeft } from './days-left.ts';
import { PermitJson, PermitParams } from './inputs.ts';
import { viewStayPermit } from './view-stay-permit.ts';

/** Stay permits' API: one permit, for the officers of its office and the members of its sponsor (audited). */
export function registerStayPermitApiRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  app.get(
    '/api/v1/stay-permits/:id',
    {
      schema: {
        tags: ['stay permits'],
        summary:
          'One stay permit with its holder, sponsor, days left and history (officers of its office, its sponsor)',
        params: PermitParams,
        response: { 200: PermitJson, 401: ErrorJson, 403: ErrorJson, 404: ErrorJson },
      },
    },
    async (req) => {
      const caller = callerOf(req, requireActor(req));
      const { permit, holder, sponsor, history } = await db().transaction((tx) =>
        viewStayPermit(tx, caller, req.params.id),
      );
      return {
        ...permit,
        holder: {
          surname: holder.surname,
          givenNames: holder.givenNames,
          nationality: holder.nationality,
          birthDate: holder.birthDate,
        },
        daysLeft: daysLeft(permit.validUntil, witaDate()),
        sponsor: sponsor ? { id: sponsor.id, name: sponsor.name, status: sponsor.status } : null,
        history,
      };
    },
  );
}

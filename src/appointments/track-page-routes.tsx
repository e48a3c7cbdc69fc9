import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { csrfField, isoDateField, requiredText } from '../platform/http/fields.ts';
import { formErrors } from '../platform/http/errors.ts';
import { getUnit } from '../units/list-units.ts';
import { trackApplication } from './track-application.ts';
import { TrackPage } from './views/track-page.tsx';

const values = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;

/**
 * The public status lookup. The code and birth date are posted rather than put in the URL, so a birth date does
 * not end up in browser history or shared links. An unknown code and a wrong birth date get the same answer.
 */
export function registerTrackPages(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config } = app.deps;
  const db = () => app.deps.database.db;

  app.get('/track', { schema: { hide: true } }, async (_req, reply) =>
    reply.page(<TrackPage ctx={reply.ctx()} state={{}} />),
  );
  app.post(
    '/track',
    {
      schema: {
        hide: true,
        body: z.object({
          ...csrfField,
          code: requiredText(40),
          birthDate: isoDateField,
        }),
      },
      config: {
        rateLimit: { max: config.authRateLimitPerMinute * 3, timeWindow: 60_000 },
        errorPage: (req, reply, error, fields) =>
          reply.page(
            <TrackPage ctx={reply.ctx()} state={{ values: values(req), errors: formErrors(req.t, error, fields) }} />,
            error.status,
          ),
      },
    },
    async (req, reply) => {
      const found = await trackApplication(db(), req.body.code, req.body.birthDate);
      const state = { values: req.body };
      if (!found) return reply.page(<TrackPage ctx={reply.ctx()} state={state} notFound />, 404);
      const unitName = found.unitCode
        ? ((await getUnit(db(), found.unitCode).catch(() => null))?.name ?? found.unitCode)
        : null;
      return reply.page(<TrackPage ctx={reply.ctx()} state={state} result={{ ...found, unitName }} />);
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { nextPath } from '../platform/http/next-path.ts';
import { languages } from '../platform/i18n/index.ts';
import { listUnits } from '../units/list-units.ts';
import { HomePage } from './views/home-page.tsx';

export function registerHomeRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/', { schema: { hide: true } }, async (_req, reply) => {
    const units = await listUnits(app.deps.database.db);
    return reply.page(<HomePage ctx={reply.ctx()} units={units} />);
  });

  // The language switch is a link, so it works without JavaScript; the choice is remembered for a year.
  app.get(
    '/lang/:lang',
    {
      schema: {
        hide: true,
        params: z.object({ lang: z.enum(languages) }),
        querystring: z.object({ next: z.string().max(500).optional() }),
      },
    },
    async (req, reply) => {
      reply.setCookie('lang', req.params.lang, {
        path: '/',
        maxAge: 365 * 86_400,
        sameSite: 'lax',
        httpOnly: true,
        secure: app.deps.config.secureCookies,
      });
      return reply.redirect(nextPath(req.query.next), 303);
    },
  );
}

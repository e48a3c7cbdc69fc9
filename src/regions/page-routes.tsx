import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { render } from 'preact-render-to-string';
import { z } from 'zod';
import { regionOptions } from './region-options.ts';
import { RegionPicker } from './views/region-picker.tsx';

/** The region picker's fragment, for pages that enhance it with htmx. */
export function registerRegionPages(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  // The htmx enhancement of RegionPicker: the same fieldset, re-rendered for the current choice.
  const level = z.string().max(20).optional();
  app.get(
    '/regions/picker',
    {
      schema: {
        hide: true,
        querystring: z.looseObject({ name: z.string().regex(/^[a-z][a-zA-Z]{0,30}$/), legend: z.string().max(100) }),
      },
    },
    async (req, reply) => {
      const { name, legend } = req.query;
      const q = req.query as Record<string, unknown>;
      const pick = (l: string) => level.safeParse(q[`${name}_${l}`]).data || undefined;
      const { choice, options } = await regionOptions(db(), {
        province: pick('province'),
        regency: pick('regency'),
        district: pick('district'),
        village: pick('village'),
      });
      return reply
        .type('text/html; charset=utf-8')
        .send(render(<RegionPicker ctx={reply.ctx()} name={name} legend={legend} choice={choice} options={options} />));
    },
  );
}

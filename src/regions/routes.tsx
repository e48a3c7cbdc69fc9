import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { render } from 'preact-render-to-string';
import { listDistricts, listProvinces, listRegencies, listVillages } from './queries.ts';
import { regionOptions } from './region-options.ts';
import { RegionPicker } from './views/region-picker.tsx';

const RegionJson = z.object({ code: z.string(), name: z.string() }).meta({ id: 'Region' });
const code = (pattern: RegExp) => z.object({ code: z.string().regex(pattern) });

/** Public reference data behind the region pickers (Kemendagri codes, idn-area-data, ODbL). */
export function registerRegionRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const tags = ['regions'];
  const response = { 200: z.array(RegionJson) };

  app.get('/api/v1/regions/provinces', { schema: { tags, response } }, () => listProvinces(db()));
  app.get('/api/v1/regions/provinces/:code/regencies', { schema: { tags, response, params: code(/^\d{2}$/) } }, (req) =>
    listRegencies(db(), req.params.code),
  );
  app.get('/api/v1/regions/regencies/:code/districts', { schema: { tags, response, params: code(/^\d{2}\.\d{2}$/) } }, (req) =>
    listDistricts(db(), req.params.code),
  );
  app.get('/api/v1/regions/districts/:code/villages', { schema: { tags, response, params: code(/^\d{2}\.\d{2}\.\d{2}$/) } }, (req) =>
    listVillages(db(), req.params.code),
  );

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
      const { choice, options } = await regionOptions(db(), { province: pick('province'), regency: pick('regency'), district: pick('district'), village: pick('village') });
      return reply.type('text/html; charset=utf-8').send(render(<RegionPicker ctx={reply.ctx()} name={name} legend={legend} choice={choice} options={options} />));
    },
  );
}

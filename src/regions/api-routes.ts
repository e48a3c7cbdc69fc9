import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listDistricts, listProvinces, listRegencies, listVillages } from './queries.ts';

const RegionJson = z.object({ code: z.string(), name: z.string() }).meta({ id: 'Region' });
const code = (pattern: RegExp) => z.object({ code: z.string().regex(pattern) });

/** Public reference data behind the region pickers (Kemendagri codes, idn-area-data, ODbL). */
export function registerRegionApi(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const tags = ['regions'];
  const response = { 200: z.array(RegionJson) };

  app.get('/api/v1/regions/provinces', { schema: { tags, response } }, () => listProvinces(db()));
  app.get('/api/v1/regions/provinces/:code/regencies', { schema: { tags, response, params: code(/^\d{2}$/) } }, (req) =>
    listRegencies(db(), req.params.code),
  );
  app.get(
    '/api/v1/regions/regencies/:code/districts',
    { schema: { tags, response, params: code(/^\d{2}\.\d{2}$/) } },
    (req) => listDistricts(db(), req.params.code),
  );
  app.get(
    '/api/v1/regions/districts/:code/villages',
    { schema: { tags, response, params: code(/^\d{2}\.\d{2}\.\d{2}$/) } },
    (req) => listVillages(db(), req.params.code),
  );
}

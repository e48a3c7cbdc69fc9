import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UnitCodeParams, UnitJson } from './inputs.ts';
import { getUnit, listUnits } from './list-units.ts';

const toJson = (u: Awaited<ReturnType<typeof getUnit>>) => ({
  code: u.code,
  name: u.name,
  kind: u.kind,
  parentCode: u.parentCode,
  regencyCode: u.regencyCode,
  address: u.address,
  state: u.state,
  services: u.services,
  openingHours: u.openingHours,
});

/** The organisation as open reference data. */
export function registerUnitApi(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  app.get(
    '/api/v1/units',
    { schema: { tags: ['units'], summary: 'All units of Kanwil NTT', response: { 200: z.array(UnitJson) } } },
    async () => (await listUnits(db())).map(toJson),
  );
  app.get(
    '/api/v1/units/:code',
    { schema: { tags: ['units'], params: UnitCodeParams, response: { 200: UnitJson } } },
    async (req) => toJson(await getUnit(db(), req.params.code)),
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { witaDate } from '../platform/calendar/wita.ts';
import { AppError } from '../platform/errors.ts';
import { RegencyParams } from './inputs.ts';
import { listAdoptedVillages } from './list-adopted-villages.ts';
import { PublicIndexPage, PublicRegencyPage, type RegencyCount } from './views/public-pages.tsx';

/** The public pages (no sign-in): the regencies with adopted villages, and each regency's villages with contacts. */
export function registerPublicPages(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  app.get('/desa-binaan', { schema: { hide: true } }, async (_req, reply) => {
    const today = witaDate();
    const villages = await listAdoptedVillages(db(), { inForceOn: today }, today);
    const byRegency = new Map<string, RegencyCount>();
    for (const v of villages) {
      const entry = byRegency.get(v.regencyCode) ?? { regencyCode: v.regencyCode, regency: v.regency, villages: 0 };
      entry.villages += 1;
      byRegency.set(v.regencyCode, entry);
    }
    return reply.page(<PublicIndexPage ctx={reply.ctx()} regencies={[...byRegency.values()]} />);
  });

  app.get('/desa-binaan/:regencyCode', { schema: { hide: true, params: RegencyParams } }, async (req, reply) => {
    const today = witaDate();
    const { regencyCode } = req.params;
    const villages = await listAdoptedVillages(db(), { regencyCode, inForceOn: today }, today);
    if (villages.length === 0) throw new AppError('not_found');
    return reply.page(<PublicRegencyPage ctx={reply.ctx()} regency={villages[0]!.regency} villages={villages} />);
  });
}

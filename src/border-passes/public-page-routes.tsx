import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { witaDate } from '../platform/calendar/wita.ts';
import { TokenParams } from './inputs.ts';
import { verifyBorderPass } from './verify-border-pass.ts';
import { VerifyPassPage } from './views/verify-pass-page.tsx';

/** The public check a card's QR leads to: anyone may open it; it shows the status and the holder's initials only. */
export function registerBorderPassPublicPages(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  app.get('/pas-lintas-batas/periksa/:token', { schema: { hide: true, params: TokenParams } }, async (req, reply) => {
    const check = await verifyBorderPass(db(), req.params.token, witaDate());
    return reply.page(<VerifyPassPage ctx={reply.ctx()} check={check} />, check ? 200 : 404);
  });
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { verifyReceipt } from './list-guests.ts';
import { VerifyReceiptPage } from './views/verify-receipt-page.tsx';

const ReceiptParams = z.object({
  receiptNumber: z
    .string()
    .trim()
    .max(60)
    .regex(/^[A-Z0-9-]+$/),
});

/** The public check of a receipt, where its QR leads: anyone may open it, it shows no personal data. */
export function registerLodgingPublicPages(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  app.get(
    '/lapor-orang-asing/tanda-terima/:receiptNumber',
    { schema: { hide: true, params: ReceiptParams }, config: { defaultLang: 'en' } },
    async (req, reply) =>
      reply.page(<VerifyReceiptPage ctx={reply.ctx()} receipt={await verifyReceipt(db(), req.params.receiptNumber)} />),
  );
}

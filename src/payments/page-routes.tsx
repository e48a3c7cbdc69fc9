import type { FastifyInstance } from 'fastify';
import { paymentChannelGroups } from './payment-channels.ts';
import { HowToPayPage } from './views/how-to-pay-page.tsx';

export function registerPaymentPages(fastify: FastifyInstance): void {
  // How to pay any billing code, for whoever pays it (often not the applicant: a child pays for a parent).
  fastify.get('/cara-membayar', { schema: { hide: true } }, async (_req, reply) =>
    reply.page(<HowToPayPage ctx={reply.ctx()} groups={await paymentChannelGroups(fastify.deps.database.db)} />),
  );
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { systemCaller } from '../platform/auth/caller.ts';
import { AppError } from '../platform/errors.ts';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { recordPayment, type PaidForByPurpose } from './record-payment.ts';
import { verifySignature } from './signature.ts';

const rawBodies = new WeakMap<FastifyRequest, string>();

/**
 * The payment adapter's inbound side: the bank or treasury posts a JSON notification signed with the shared
 * HMAC key (header X-Sikoe-Signature: sha256=<hex of HMAC-SHA256(raw body)>). Repeats are harmless.
 */
export async function registerPaymentApi(
  fastify: FastifyInstance,
  { paidFor }: { paidFor: PaidForByPurpose },
): Promise<void> {
  await fastify.register(async (scope) => {
    // The signature covers the exact bytes sent, so keep them before parsing.
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
      rawBodies.set(req, body as string);
      try {
        done(null, JSON.parse(body as string));
      } catch {
        done(new AppError('validation_failed', { input: 'v.invalid' }));
      }
    });
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/api/v1/payments/notifications',
      {
        schema: {
          tags: ['payments'],
          summary: 'Payment notification from the bank or treasury (HMAC-signed)',
          headers: z.object({ 'x-sikoe-signature': z.string().max(200).optional() }),
          body: z.object({
            billingCode: z.string().regex(/^\d{15}$/, 'v.billingCode'),
            amount: z.number().int().positive(),
            paidAt: z.iso.datetime({ offset: true }).optional(),
            reference: z.string().max(100).optional(),
          }),
          response: {
            200: z.object({ billingCode: z.string(), status: z.literal('paid'), alreadyPaid: z.boolean() }),
            401: ErrorJson,
            404: ErrorJson,
            409: ErrorJson,
            422: ErrorJson,
          },
        },
      },
      async (req) => {
        if (!verifySignature(app.deps.secrets.payments, rawBodies.get(req) ?? '', req.headers['x-sikoe-signature']))
          throw new AppError('invalid_signature');
        const { billingCode, amount, paidAt, reference } = req.body;
        const result = await app.deps.database.db.transaction((tx) =>
          recordPayment(
            tx,
            { ...systemCaller('payment notification'), ip: req.ip, requestId: req.id },
            { code: billingCode, amount, reference, paidAt: paidAt ? new Date(paidAt) : undefined },
            paidFor,
          ),
        );
        return { billingCode: result.code, status: 'paid' as const, alreadyPaid: result.alreadyPaid };
      },
    );
  });
}

import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { App } from './server.ts';
import { auditSigner, SigningKeyMissing } from '../audit/audit-signer.ts';
import { proveSignedConsistency, proveSignedInclusion } from '../audit/prove.ts';
import { latestCheckpoint } from '../audit/seal-audit.ts';

const base64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64');

/**
 * The public face of the log: the newest signed checkpoint, the key that verifies it, and proofs. All of it is
 * hashes: no entry's content leaves the database this way.
 */
export function registerAuditRoutes(fastify: App): void {
  const { database, config } = fastify.deps;
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  registerProofRoutes(fastify);
  const text = { 200: z.string() };
  app.get(
    '/audit/checkpoint',
    {
      schema: {
        tags: ['audit'],
        summary: 'The newest signed checkpoint of the audit log (C2SP tlog-checkpoint in a signed note)',
        response: text,
      },
    },
    async (_req, reply) => {
      const last = await latestCheckpoint(database.db);
      if (!last) throw new AppError('not_found');
      return reply.type('text/plain; charset=utf-8').header('cache-control', 'no-cache').send(last.note);
    },
  );
  app.get(
    '/audit/key',
    {
      schema: {
        tags: ['audit'],
        summary: "The verifier key of the log's checkpoints (C2SP signed-note)",
        response: text,
      },
    },
    async (_req, reply) => {
      const signer = await auditSigner(config, database.db).catch((err: unknown) => {
        throw err instanceof SigningKeyMissing ? new AppError('not_found') : err;
      });
      return reply.type('text/plain; charset=utf-8').send(`${signer.verifierKey}\n`);
    },
  );
}

/** Proofs: hashes only, from the stored tree, for sizes the log has signed. */
function registerProofRoutes(fastify: App): void {
  const { database } = fastify.deps;
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/v1/audit/consistency',
    {
      schema: {
        tags: ['audit'],
        summary: 'That the log of `from` entries is the start of the log of `to` entries (RFC 9162 consistency proof)',
        querystring: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }),
        response: { 200: z.object({ from: z.number(), to: z.number(), proof: z.array(z.string()) }) },
      },
    },
    async (req) => {
      const { from, to } = req.query;
      const proof = await proveSignedConsistency(database.db, from, to);
      if (!proof) throw new AppError('not_found');
      return { from, to, proof: proof.map(base64) };
    },
  );
  app.get(
    '/api/v1/audit/entries/:id/inclusion',
    {
      schema: {
        tags: ['audit'],
        summary: "An entry's place in the log and its audit path to a checkpoint's root (RFC 9162 inclusion proof)",
        params: z.object({ id: z.coerce.number().int().positive() }),
        querystring: z.object({ size: z.coerce.number().int().min(1).optional() }),
        response: {
          200: z.object({
            entryId: z.number(),
            index: z.number(),
            size: z.number(),
            leafHash: z.string(),
            proof: z.array(z.string()),
          }),
        },
      },
    },
    async (req) => {
      const proof = await proveSignedInclusion(database.db, req.params.id, req.query.size);
      if (!proof) throw new AppError('not_found');
      return { ...proof, leafHash: base64(proof.leafHash), proof: proof.proof.map(base64) };
    },
  );
}

import { expect, it } from 'vitest';
import { describeApp } from '../../../test/db.ts';
import { systemCaller } from '../auth/caller.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { openCheckpoint, parseVerifierKey } from '../audit/checkpoint.ts';
import { verifyConsistency, verifyInclusion } from '../audit/merkle.ts';
import { auditSigner } from '../audit/audit-signer.ts';
import { sealAudit } from '../audit/seal-audit.ts';

const b64 = (s: string) => Buffer.from(s, 'base64');

describeApp(
  'audit log over HTTP',
  (ctx) => {
    const appendSome = async (n: number) => {
      const ids: number[] = [];
      for (let i = 0; i < n; i++)
        ids.push((await appendAudit(ctx.db, systemCaller('routes-test'), { action: 'test.http' })).id);
      return ids;
    };

    it('publishes the newest signed checkpoint and the key that verifies it, and proofs anyone can check', async () => {
      expect((await ctx.app.inject({ url: '/audit/checkpoint' })).statusCode).toBe(404);
      const [entry] = await appendSome(3);
      const signer = await auditSigner(ctx.config, ctx.db, true);
      const first = (await sealAudit(ctx.db, signer, { wait: true }))!;
      await appendSome(4);
      const second = (await sealAudit(ctx.db, signer, { wait: true }))!;

      const keyRes = await ctx.app.inject({ url: '/audit/key' });
      expect(keyRes.headers['content-type']).toMatch(/^text\/plain/);
      const verifier = parseVerifierKey(keyRes.body)!;
      const res = await ctx.app.inject({ url: '/audit/checkpoint' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe(second.note);
      const opened = openCheckpoint(res.body, verifier);
      expect(opened).toMatchObject({ ok: true, checkpoint: { size: second.size } });

      const consistency = await ctx.app.inject({
        url: `/api/v1/audit/consistency?from=${first.size}&to=${second.size}`,
      });
      const { proof } = consistency.json<{ proof: string[] }>();
      const [r1, r2] = [Buffer.from(first.root, 'hex'), Buffer.from(second.root, 'hex')];
      expect(verifyConsistency(first.size, second.size, r1, r2, proof.map(b64))).toBe(true);

      const inclusion = await ctx.app.inject({ url: `/api/v1/audit/entries/${entry}/inclusion?size=${first.size}` });
      const p = inclusion.json<{ index: number; size: number; leafHash: string; proof: string[] }>();
      expect(p.size).toBe(first.size);
      expect(verifyInclusion(b64(p.leafHash), p.index, p.size, p.proof.map(b64), r1)).toBe(true);
      const latest = await ctx.app.inject({ url: `/api/v1/audit/entries/${entry}/inclusion` });
      expect(latest.json<{ size: number }>().size).toBe(second.size);
    });

    it('refuses sizes it has not signed and entries it has not sealed, with a clear error', async () => {
      const [pending] = await appendSome(1);
      const cases: [string, number, string][] = [
        ['/api/v1/audit/consistency?from=3&to=2', 422, 'validation_failed'],
        ['/api/v1/audit/consistency?from=1&to=999999', 404, 'not_found'],
        ['/api/v1/audit/consistency?from=0&to=2', 422, 'validation_failed'],
        [`/api/v1/audit/entries/${pending}/inclusion`, 404, 'not_found'],
        ['/api/v1/audit/entries/1/inclusion?size=999999', 404, 'not_found'],
        ['/api/v1/audit/entries/abc/inclusion', 422, 'validation_failed'],
      ];
      for (const [url, status, code] of cases) {
        const res = await ctx.app.inject({ url });
        expect(res.statusCode, url).toBe(status);
        expect(res.json<{ error: { code: string } }>().error.code, url).toBe(code);
      }
    });
  },
  {},
  { ownDatabase: true },
);

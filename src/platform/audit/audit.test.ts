import crypto from 'node:crypto';
import { desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeDb } from '../../../test/db.ts';
import { systemCaller, type Caller } from '../auth/caller.ts';
import type { Db, Tx } from '../db/index.ts';
import { GENESIS_HASH, appendAudit } from './append-audit.ts';
import { auditLog } from './schema.ts';
import { verifyAudit } from './verify-audit.ts';

const caller: Caller = { actor: null, ip: '10.0.0.7', requestId: 'req-audit-test', system: 'audit-test' };

/** Runs work in a transaction that is always rolled back, so tampering never reaches the shared chain. */
class Rollback extends Error {}
async function inRolledBackTx(db: Db, work: (tx: Tx) => Promise<void>) {
  await expect(
    db.transaction(async (tx) => {
      await work(tx);
      throw new Rollback();
    }),
  ).rejects.toBeInstanceOf(Rollback);
}

const marker = () => `test.audit.${crypto.randomUUID().slice(0, 8)}`;

describeDb('audit trail', (ctx) => {
  it('chains each entry to the one before it and records who, what and where', async () => {
    const action = marker();
    await ctx.db.transaction(async (tx) => {
      const first = await appendAudit(tx, caller, {
        action,
        targetType: 'thing',
        targetId: 'a',
        unitCode: 'KANIM-KUPANG',
        details: { n: 1 },
      });
      const second = await appendAudit(tx, systemCaller('cli'), { action, targetType: 'thing', targetId: 'b' });
      const [before] = await tx
        .select()
        .from(auditLog)
        .where(lt(auditLog.id, first.id))
        .orderBy(desc(auditLog.id))
        .limit(1);
      const rows = await tx.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(auditLog.id);
      expect(rows.map((r) => r.id)).toEqual([first.id, second.id]);
      expect(rows[0]!.prevHash).toBe(before?.hash ?? GENESIS_HASH);
      expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
      expect(rows[0]!.hash).toBe(first.hash);
      expect(rows[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(rows[0]).toMatchObject({
        unitCode: 'KANIM-KUPANG',
        ip: '10.0.0.7',
        requestId: 'req-audit-test',
        targetId: 'a',
        details: { system: 'audit-test', n: 1 },
      });
      expect(rows[1]!.details).toEqual({ system: 'cli' });
    });
  });

  it('verifies an intact chain and reports its head', async () => {
    await ctx.db.transaction(async (tx) => {
      const mine = await appendAudit(tx, caller, { action: marker() });
      const result = await verifyAudit(tx);
      expect(result).toMatchObject({ ok: true, headHash: mine.hash });
      if (result.ok) expect(result.entries).toBeGreaterThan(0);
    });
    // Small batches exercise paging through the chain.
    await ctx.db.transaction(async (tx) => {
      await appendAudit(tx, caller, { action: marker() });
      await appendAudit(tx, caller, { action: marker() });
      const paged = await verifyAudit(tx, 1);
      const whole = await verifyAudit(tx);
      expect(paged).toEqual(whole);
      expect(whole.ok).toBe(true);
    });
  });

  it('hashes details exactly as the database keeps them (key order, undefined, dates)', async () => {
    await inRolledBackTx(ctx.db, async (tx) => {
      await appendAudit(tx, caller, {
        action: marker(),
        details: {
          zeta: 1,
          alpha: { b: [1, undefined, 'x'], a: new Date('2026-01-02T03:04:05.678Z') },
          gone: undefined,
          ünï: 'çödé',
        },
      });
      expect(await verifyAudit(tx)).toMatchObject({ ok: true });
    });
  });

  it('detects a change to any column of an entry as content_changed at that entry', async () => {
    await inRolledBackTx(ctx.db, async (tx) => {
      const a = await appendAudit(tx, caller, {
        action: marker(),
        targetType: 'thing',
        targetId: 'x',
        unitCode: 'KANIM-KUPANG',
        details: { role: 'verifier' },
      });
      await appendAudit(tx, caller, { action: marker() });
      const good = await verifyAudit(tx);
      expect(good.ok).toBe(true);
      const [original] = await tx.select().from(auditLog).where(eq(auditLog.id, a.id));
      const tamperings: Partial<typeof auditLog.$inferInsert>[] = [
        { action: 'officer.delete' },
        { details: { role: 'admin' } },
        { at: new Date(original!.at.getTime() + 1) },
        { actorId: crypto.randomUUID() },
        { unitCode: 'KANIM-ATAMBUA' },
        { targetType: 'other' },
        { targetId: 'y' },
        { ip: '10.0.0.8' },
        { requestId: null },
        { hash: 'f'.repeat(64) },
      ];
      for (const change of tamperings) {
        await tx.update(auditLog).set(change).where(eq(auditLog.id, a.id));
        const result = await verifyAudit(tx);
        expect(result, JSON.stringify(change)).toMatchObject({
          ok: false,
          brokenAtId: a.id,
          reason: 'content_changed',
        });
        if (!result.ok && good.ok) expect(result.entries).toBe(good.entries - 2);
        await tx.update(auditLog).set(original!).where(eq(auditLog.id, a.id));
        expect(await verifyAudit(tx)).toEqual(good);
      }
    });
    expect((await verifyAudit(ctx.db)).ok).toBe(true);
  });

  it('detects a deleted middle entry, and a rewritten link, as link_broken at the entry after it', async () => {
    await inRolledBackTx(ctx.db, async (tx) => {
      await appendAudit(tx, caller, { action: marker() });
      const middle = await appendAudit(tx, caller, { action: marker() });
      const last = await appendAudit(tx, caller, { action: marker() });
      await tx.delete(auditLog).where(eq(auditLog.id, middle.id));
      expect(await verifyAudit(tx)).toMatchObject({ ok: false, brokenAtId: last.id, reason: 'link_broken' });
    });
    await inRolledBackTx(ctx.db, async (tx) => {
      const entry = await appendAudit(tx, caller, { action: marker() });
      await tx.update(auditLog).set({ prevHash: GENESIS_HASH }).where(eq(auditLog.id, entry.id));
      const result = await verifyAudit(tx);
      // The very first entry of an empty log legitimately links to the genesis hash.
      if (result.ok) expect(await tx.$count(auditLog, lt(auditLog.id, entry.id))).toBe(0);
      else expect(result).toMatchObject({ brokenAtId: entry.id, reason: 'link_broken' });
    });
    expect((await verifyAudit(ctx.db)).ok).toBe(true);
  });

  it('never forks the chain under concurrent appends', async () => {
    const action = marker();
    const writers = Array.from({ length: 20 }, (_, i) =>
      ctx.db.transaction(async (tx) => {
        // A little work before and after, so the transactions really overlap on PostgreSQL.
        await tx.execute(sql`select pg_sleep(${(i % 4) * 0.005})`);
        await appendAudit(tx, caller, { action, targetId: String(i) });
        await tx.execute(sql`select pg_sleep(0.01)`);
      }),
    );
    await Promise.all(writers);
    const mine = await ctx.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(auditLog.id);
    expect(mine).toHaveLength(20);
    expect(new Set(mine.map((r) => r.targetId)).size).toBe(20);
    for (const row of mine) {
      const [before] = await ctx.db
        .select()
        .from(auditLog)
        .where(lt(auditLog.id, row.id))
        .orderBy(desc(auditLog.id))
        .limit(1);
      expect(row.prevHash, `entry ${row.id}`).toBe(before?.hash ?? GENESIS_HASH);
    }
    const prevHashes = await ctx.db
      .select({ prevHash: auditLog.prevHash, n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(
        inArray(
          auditLog.prevHash,
          mine.map((r) => r.prevHash),
        ),
      )
      .groupBy(auditLog.prevHash);
    expect(prevHashes.every((p) => p.n === 1)).toBe(true);
    expect((await verifyAudit(ctx.db)).ok).toBe(true);
  });

  it('keeps nothing of a rolled-back use case', async () => {
    const action = marker();
    await inRolledBackTx(ctx.db, async (tx) => {
      await appendAudit(tx, caller, { action });
    });
    expect(await ctx.db.$count(auditLog, eq(auditLog.action, action))).toBe(0);
    expect((await verifyAudit(ctx.db)).ok).toBe(true);
  });
});

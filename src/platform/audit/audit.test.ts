import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDatabase } from '../../../test/db.ts';
import { systemCaller, type Caller } from '../auth/caller.ts';
import { queryRows, sqlState, type Db, type Tx } from '../db/index.ts';
import { appendAudit, entryLeafHash } from './append-audit.ts';
import { ensureSigningKey, loadSigner, openCheckpoint } from './checkpoint.ts';
import { Frontier, verifyConsistency, verifyInclusion } from './merkle.ts';
import { proveConsistency, proveInclusion } from './prove.ts';
import { auditCheckpoints, auditLeaves, auditLog, auditNodes } from './schema.ts';
import { latestCheckpoint, readNodes, sealAudit } from './seal-audit.ts';
import { verifyAudit } from './verify-audit.ts';

const caller: Caller = { actor: null, ip: '10.0.0.7', requestId: 'req-audit-test', system: 'audit-test' };
const keys = fs.mkdtempSync(path.join(os.tmpdir(), 'sikoe-audit-keys-'));
afterAll(() => fs.rmSync(keys, { recursive: true, force: true }));

function signerFrom(file: string) {
  ensureSigningKey(path.join(keys, file));
  return loadSigner(path.join(keys, file), 'test.sikoe/audit');
}
const signer = signerFrom('log.pem');
/** Someone with write access to the database but not the log's key. */
const forger = signerFrom('forger.pem');

const hex = (h: string) => Buffer.from(h, 'hex');

/** What an owner of the tables could do: switch the triggers (and foreign keys) off for one transaction. */
function tamper(db: Db, work: (tx: Tx) => Promise<unknown>) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await work(tx);
  });
}

async function append(db: Db, n: number, details: Record<string, unknown> = {}) {
  const ids: number[] = [];
  for (let i = 0; i < n; i++)
    ids.push((await appendAudit(db, caller, { action: 'test.audit', details: { i, ...details } })).id);
  return ids;
}

/** Rebuilds the sealed tree from whatever the entries now say, as someone covering their tracks would. */
async function resealEverything(db: Db, as: typeof signer) {
  await tamper(db, async (tx) => {
    await tx.delete(auditCheckpoints);
    await tx.delete(auditNodes);
    await tx.delete(auditLeaves);
  });
  return sealAudit(db, as, { wait: true });
}

for (const kind of drivers) {
  describe(`audit log [${kind}]`, () => {
    let db: Db;
    const drops: (() => Promise<void>)[] = [];
    /** A log of the test's own: a tampering test leaves it broken. */
    async function ownLog(): Promise<Db> {
      const { database, drop } = await freshDatabase(kind);
      drops.push(drop);
      await database.migrate();
      return database.db;
    }
    beforeAll(async () => {
      db = await ownLog();
      return () => Promise.all(drops.map((d) => d())).then(() => undefined);
    }, 120_000);

    it('keeps who, what and where, and seals entries under a checkpoint signed by the log key', async () => {
      const before = await latestCheckpoint(db);
      const [first] = await append(db, 1, {
        zeta: 1,
        alpha: { b: [1, undefined, 'x'], a: new Date('2026-01-02T03:04:05.678Z') },
        gone: undefined,
        ünï: 'çödé',
      });
      const second = await db.transaction((tx) =>
        appendAudit(tx, systemCaller('cli'), {
          action: 'thing.change',
          targetType: 'thing',
          targetId: 'b',
          unitCode: 'KANIM-KUPANG',
        }),
      );
      const [row] = await db.select().from(auditLog).where(eq(auditLog.id, second.id));
      expect(row).toMatchObject({ unitCode: 'KANIM-KUPANG', targetId: 'b', details: { system: 'cli' } });

      const sealed = await sealAudit(db, signer, { wait: true });
      expect(sealed).toMatchObject({ size: (before?.size ?? 0) + 2, added: 2 });
      const opened = openCheckpoint(sealed!.note, signer.verifier);
      expect(opened).toMatchObject({ ok: true, checkpoint: { origin: 'test.sikoe/audit', size: sealed!.size } });
      expect(openCheckpoint(sealed!.note, forger.verifier)).toEqual({ ok: false, reason: 'bad_signature' });
      expect(sealed!.note).toMatch(/^test\.sikoe\/audit\n\d+\n[A-Za-z0-9+/]{43}=\n\n\u2014 test\.sikoe\/audit \S+\n$/);

      for (const id of [first!, second.id]) {
        const proof = await proveInclusion(db, id, sealed!.size);
        expect(proof).not.toBeNull();
        const ok = verifyInclusion(
          hex(proof!.leafHash),
          proof!.index,
          proof!.size,
          proof!.proof.map(hex),
          hex(sealed!.root),
        );
        expect(ok).toBe(true);
      }
      expect(await sealAudit(db, signer, { wait: true })).toBeNull();
      expect(await verifyAudit(db, signer.verifier)).toMatchObject({ ok: true, sealed: sealed!.size, pending: 0 });
    });

    it('seals in batches that resume where the last stopped, each checkpoint consistent with the next', async () => {
      await append(db, 7);
      const sizes: number[] = [];
      for (let s = await sealAudit(db, signer, { wait: true, maxEntries: 3 }); s;) {
        sizes.push(s.size);
        s = await sealAudit(db, signer, { wait: true, maxEntries: 3 });
      }
      expect(sizes.length).toBeGreaterThanOrEqual(3);
      const checkpoints = await db.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.size));
      for (let i = 1; i < checkpoints.length; i++) {
        const [a, b] = [checkpoints[i - 1]!, checkpoints[i]!];
        const proof = await proveConsistency(db, a.size, b.size);
        expect(verifyConsistency(a.size, b.size, hex(a.root), hex(b.root), proof.map(hex))).toBe(true);
        expect(verifyConsistency(a.size, b.size, hex(b.root), hex(b.root), proof.map(hex))).toBe(false);
      }
      const whole = await verifyAudit(db, signer.verifier);
      expect(whole).toMatchObject({ ok: true, checkpoints: checkpoints.length });
      expect(await verifyAudit(db, signer.verifier, { batchSize: 2 })).toEqual(whole);
    });

    it('refuses the application any UPDATE, DELETE or TRUNCATE of the audit tables', async () => {
      await append(db, 1);
      await sealAudit(db, signer, { wait: true });
      const attempts = [
        db.update(auditLog).set({ action: 'x' }),
        db.delete(auditLog),
        db.execute(sql`truncate audit_log cascade`),
        db.update(auditLeaves).set({ hash: '0'.repeat(64) }),
        db.delete(auditLeaves),
        db.execute(sql`truncate audit_leaves`),
        db.delete(auditNodes),
        db.execute(sql`truncate audit_nodes`),
        db.update(auditCheckpoints).set({ note: 'x' }),
        db.delete(auditCheckpoints),
        db.execute(sql`truncate audit_checkpoints`),
      ];
      for (const attempt of attempts) {
        const err = await attempt.then(
          () => null,
          (e: unknown) => e,
        );
        expect(sqlState(err), String(err)).toBe('42501');
      }
      expect(await verifyAudit(db, signer.verifier)).toMatchObject({ ok: true });
    });

    it('catches the newest entries deleted with their leaves and checkpoint, given a checkpoint kept outside', async () => {
      const db = await ownLog();
      await append(db, 2);
      const older = (await sealAudit(db, signer, { wait: true }))!;
      const newest = await append(db, 5);
      const kept = (await sealAudit(db, signer, { wait: true }))!;
      await tamper(db, async (tx) => {
        await tx.delete(auditCheckpoints).where(gt(auditCheckpoints.size, older.size));
        await tx.delete(auditNodes);
        await tx.delete(auditLeaves).where(inArray(auditLeaves.entryId, newest));
        await tx.delete(auditLog).where(inArray(auditLog.id, newest));
      });
      await resealTreeNodes(db);
      // What the database holds agrees with itself: only a checkpoint kept elsewhere shows what is gone.
      expect(await verifyAudit(db, signer.verifier)).toMatchObject({ ok: true, sealed: older.size });
      expect(await verifyAudit(db, signer.verifier, { kept: older.note })).toMatchObject({ ok: true });
      expect(await verifyAudit(db, signer.verifier, { kept: kept.note })).toMatchObject({
        ok: false,
        fault: 'truncated',
      });
    });

    it.runIf(kind === 'postgres')(
      'with wait, seals what had committed when called once the transactions then running end, in any database',
      async () => {
        const db = await ownLog();
        const { default: pg } = await import('pg');
        // Transaction ids are the cluster's: one running in another database holds newer entries back.
        const elsewhere = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
        await elsewhere.connect();
        try {
          await elsewhere.query('begin');
          await elsewhere.query('select pg_current_xact_id()');
          const [entry] = await append(db, 1);
          expect(await sealAudit(db, signer)).toBeNull();
          const sealing = sealAudit(db, signer, { wait: true });
          const waiting = sql`select count(*)::int as n from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid()
              and query like '%pg_snapshot_xmin(pg_current_snapshot()) >=%'`;
          await expect
            .poll(async () => (await queryRows<{ n: number }>(db, waiting))[0]!.n, { timeout: 10_000 })
            .toBeGreaterThan(0);
          await elsewhere.query('commit');
          expect(await sealing).toMatchObject({ added: 1 });
          expect(await proveInclusion(db, entry!, (await latestCheckpoint(db))!.size)).not.toBeNull();
        } finally {
          await elsewhere.end();
        }
      },
      60_000,
    );

    it('catches sealed entries deleted from under their leaves', async () => {
      const db = await ownLog();
      const ids = await append(db, 6);
      await sealAudit(db, signer, { wait: true });
      await tamper(db, (tx) => tx.delete(auditLog).where(inArray(auditLog.id, ids.slice(1))));
      expect(await verifyAudit(db, signer.verifier)).toMatchObject({ ok: false, fault: 'entry_missing', at: ids[1] });
    });

    it('catches an edited entry, and one edited with every hash recomputed and signed again', async () => {
      const db = await ownLog();
      const [victim] = await append(db, 3, { role: 'verifier' });
      const kept = (await sealAudit(db, signer, { wait: true }))!;
      await tamper(db, (tx) =>
        tx
          .update(auditLog)
          .set({ details: { role: 'admin' } })
          .where(eq(auditLog.id, victim!)),
      );
      expect(await verifyAudit(db, signer.verifier)).toMatchObject({ ok: false, fault: 'content_changed', at: victim });

      await resealEverything(db, forger);
      expect(await verifyAudit(db, signer.verifier)).toMatchObject({ ok: false, fault: 'bad_signature' });
      // The log's own sealer will not extend a tree it did not sign.
      await expect(sealAudit(db, signer, { wait: true })).rejects.toThrow(/not signed by this process's key/);
      // Even with the log's key in hand, the rewritten log no longer makes the root of a checkpoint kept outside.
      await resealEverything(db, signer);
      expect(await verifyAudit(db, signer.verifier)).toMatchObject({ ok: true });
      expect(await verifyAudit(db, signer.verifier, { kept: kept.note })).toMatchObject({
        ok: false,
        fault: 'inconsistent',
      });
      expect(await verifyAudit(db, signer.verifier, { kept: kept.note.replace(/\n\n.*/s, '\n\n') })).toMatchObject({
        ok: false,
        fault: 'checkpoint_invalid',
      });
    });

    it('catches a forged entry appended with a correct leaf hash, and one slipped in behind the sealer', async () => {
      const db = await ownLog();
      await append(db, 2);
      const last = (await sealAudit(db, signer, { wait: true }))!;
      const forged = { ...caller, at: new Date(), action: 'officer.create', details: { role: 'admin' } };
      await tamper(db, async (tx) => {
        const [row] = await tx
          .insert(auditLog)
          .values({ at: forged.at, action: forged.action, details: forged.details, ip: forged.ip })
          .returning();
        const positions = Frontier.positions(last.size);
        const nodes = await readNodes(tx, positions);
        const frontier = new Frontier(
          last.size,
          positions.map((p) => nodes.get(`${p.level}/${p.idx}`)!),
        );
        const hash = entryLeafHash(row!);
        await tx.insert(auditLeaves).values({ seq: last.size, entryId: row!.id, hash });
        const completed: (typeof auditNodes.$inferInsert)[] = [];
        frontier.append(hex(hash), (level, idx, h) => completed.push({ level, idx, hash: h.toString('hex') }));
        if (completed.length > 0) await tx.insert(auditNodes).values(completed);
      });
      expect(await verifyAudit(db, signer.verifier)).toMatchObject({ ok: false, fault: 'unsigned_leaves' });

      await resealEverything(db, forger);
      expect(await verifyAudit(db, signer.verifier)).toMatchObject({ ok: false, fault: 'bad_signature' });
      await resealEverything(db, signer);
      expect(await verifyAudit(db, signer.verifier, { kept: last.note })).toMatchObject({ ok: true });

      await tamper(db, (tx) =>
        tx.insert(auditLog).values({ at: new Date(0), action: 'backdated', details: {}, xid: '1' }),
      );
      expect(await verifyAudit(db, signer.verifier)).toMatchObject({ ok: false, fault: 'unsealed_entry' });
    });

    it('seals again after a logical restore into a cluster whose transaction ids are lower', async () => {
      const db = await ownLog();
      await append(db, 2);
      const before = (await sealAudit(db, signer, { wait: true }))!;
      // What pg_restore into another cluster leaves: checkpoints naming transaction ids this cluster has not reached.
      await tamper(db, (tx) => tx.update(auditCheckpoints).set({ lastXid: '999999999999' }));
      const [late] = await append(db, 1);
      const after = (await sealAudit(db, signer, { wait: true }))!;
      expect(after).toMatchObject({ size: before.size + 1, added: 1 });
      expect(await proveInclusion(db, late!, after.size)).toMatchObject({ index: before.size });
      expect(await verifyAudit(db, signer.verifier, { kept: before.note })).toMatchObject({ ok: true });
    });

    it("sets an entry's transaction id itself, whatever the insert says", async () => {
      const [row] = await db
        .insert(auditLog)
        .values({ at: new Date(), action: 'test.xid', details: {}, xid: '999999999999' })
        .returning();
      expect(BigInt(row!.xid)).toBeLessThan(999999999999n);
    });

    it('keeps nothing of a rolled-back use case', async () => {
      const action = `test.audit.${crypto.randomUUID().slice(0, 8)}`;
      await expect(
        db.transaction(async (tx) => {
          await appendAudit(tx, caller, { action });
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await db.$count(auditLog, eq(auditLog.action, action))).toBe(0);
    });

    it.runIf(kind === 'postgres')(
      'lets writers append side by side, and seals an entry only once every older transaction has ended',
      async () => {
        await sealAudit(db, signer, { wait: true });
        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        let appended!: () => void;
        const started = new Promise<void>((resolve) => (appended = resolve));
        const slow = db.transaction(async (tx) => {
          await appendAudit(tx, caller, { action: 'test.slow' });
          appended();
          await held;
        });
        await started;
        try {
          // With the old chain's lock this write would have waited for the slow one's commit.
          await append(db, 1);
          expect(await sealAudit(db, signer)).toBeNull();
          // The slow entry is not even visible yet; the quick one waits for it.
          expect(await verifyAudit(db, signer.verifier)).toMatchObject({ ok: true, pending: 1 });
        } finally {
          release();
          await slow;
        }
        const sealed = (await sealAudit(db, signer, { wait: true }))!;
        expect(sealed.added).toBe(2);
        const order = await db
          .select({ action: auditLog.action })
          .from(auditLeaves)
          .innerJoin(auditLog, eq(auditLog.id, auditLeaves.entryId))
          .where(gt(auditLeaves.seq, sealed.size - 3))
          .orderBy(asc(auditLeaves.seq));
        expect(order.map((o) => o.action)).toEqual(['test.slow', 'test.audit']);
      },
    );
  });
}

/** After leaves were removed from the tree's end, the interior nodes of what remains, as a careful forger would. */
async function resealTreeNodes(db: Db) {
  const leaves = await db.select().from(auditLeaves).orderBy(asc(auditLeaves.seq));
  const frontier = new Frontier();
  const completed: (typeof auditNodes.$inferInsert)[] = [];
  for (const leaf of leaves) {
    frontier.append(hex(leaf.hash), (level, idx, h) => completed.push({ level, idx, hash: h.toString('hex') }));
  }
  await tamper(db, (tx) => (completed.length > 0 ? tx.insert(auditNodes).values(completed) : Promise.resolve()));
}

// The write side of the audit benchmark: use cases that each append one audit entry in a transaction of their own,
// at a concurrency. It uses nothing newer than `appendAudit`, so the same load can be run on an older Sikoe (before
// the transparency log, when every append took one lock shared by the whole system) to compare.
import type { Caller } from '../src/platform/auth/caller.ts';
import { appendAudit } from '../src/platform/audit/append-audit.ts';
import type { Db } from '../src/platform/db/index.ts';
import { drive } from './load.ts';

const caller: Caller = { actor: null, ip: '10.0.0.1', requestId: 'bench-audit', system: 'bench' };

export type Written = { seconds: number; latencies: number[]; entries: { id: number; committedAt: number }[] };

export async function runWriters(db: Db, count: number, writers: number): Promise<Written> {
  const latencies: number[] = [];
  const entries: { id: number; committedAt: number }[] = [];
  const seconds = await drive(count, writers, async (i) => {
    const t0 = performance.now();
    const { id } = await db.transaction((tx) =>
      appendAudit(tx, caller, { action: 'bench.audit', targetType: 'bench', targetId: String(i), details: { i } }),
    );
    latencies.push(performance.now() - t0);
    entries.push({ id: Number(id), committedAt: Date.now() });
    // A turn of the event loop between use cases, as requests arriving over the network give: PGlite answers within
    // the turn, so without it the sealer's timer would never fire while the writers run.
    await new Promise((resolve) => setImmediate(resolve));
  });
  return { seconds, latencies, entries };
}

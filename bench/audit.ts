// The audit log under write load: how many audited use cases per second the database takes, how long an entry waits
// before a signed checkpoint covers it (the sealing delay), and what sealing and verifying cost.
//
//   npm run bench:audit [-- --driver pglite] [--entries 20000] [--writers 32] [--seal-seconds 5]
//
// PostgreSQL at AUDIT_BENCH_URL (default postgres://postgres@127.0.0.1:5432/sikoe_bench_audit, made anew each run,
// never the tests'); PGlite in a temporary folder. Exits 1 when an entry is left unsealed, the log does not
// verify, or the sealing delay's p99 exceeds the sealing interval plus 2 s.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { inArray } from 'drizzle-orm';
import { ensureSigningKey, loadSigner } from '../src/platform/audit/checkpoint.ts';
import { auditLeaves } from '../src/platform/audit/schema.ts';
import { latestCheckpoint, sealAudit } from '../src/platform/audit/seal-audit.ts';
import { verifyAudit } from '../src/platform/audit/verify-audit.ts';
import { openDatabase } from '../src/platform/db/index.ts';
import { runWriters } from './audit-writers.ts';
import { ensureBenchDatabase } from './bench-database.ts';
import { percentile } from './load.ts';

const { values: args } = parseArgs({
  options: {
    driver: { type: 'string', default: 'postgres' },
    entries: { type: 'string', default: '20000' },
    writers: { type: 'string', default: '32' },
    'seal-seconds': { type: 'string', default: '5' },
  },
});
const entries = Number(args.entries);
const writers = Number(args.writers);
const sealMs = Number(args['seal-seconds']) * 1000;
const url = process.env.AUDIT_BENCH_URL ?? 'postgres://postgres@127.0.0.1:5432/sikoe_bench_audit';
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sikoe-bench-audit-'));

// A new database each run: the audit tables cannot be emptied, and each run signs with a key of its own.
if (args.driver === 'postgres') await ensureBenchDatabase(url, true);
const database = await openDatabase(
  args.driver === 'pglite' ? { kind: 'pglite', dataDir: path.join(folder, 'pglite') } : { kind: 'postgres', url },
);
await database.migrate();
const db = database.db;
ensureSigningKey(path.join(folder, 'key.pem'));
const signer = loadSigner(path.join(folder, 'key.pem'), 'bench.sikoe/audit');

const start = (await latestCheckpoint(db))?.size ?? 0;

/** The sealer as the job runs it: every `sealMs`, one seal; each seal's end and size noted. */
const seals: { at: number; size: number; ms: number; added: number }[] = [];
let writing = true;
const sealer = (async () => {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, sealMs));
    const t0 = performance.now();
    const sealed = await sealAudit(db, signer);
    if (sealed) seals.push({ at: Date.now(), size: sealed.size, ms: performance.now() - t0, added: sealed.added });
    if (!writing && (seals.at(-1)?.size ?? start) >= start + entries) return;
  }
})();

const written = await runWriters(db, entries, writers);
writing = false;
await sealer;

const seqOf = new Map<number, number>();
for (let i = 0; i < written.entries.length; i += 5000) {
  const ids = written.entries.slice(i, i + 5000).map((e) => e.id);
  for (const leaf of await db.select().from(auditLeaves).where(inArray(auditLeaves.entryId, ids))) {
    seqOf.set(leaf.entryId, leaf.seq);
  }
}
const delays = written.entries
  .map((e) => {
    const seq = seqOf.get(e.id);
    const seal = seq === undefined ? undefined : seals.find((s) => s.size > seq);
    return seal ? seal.at - e.committedAt : NaN;
  })
  .sort((a, b) => a - b);
const unsealed = delays.filter((d) => Number.isNaN(d)).length;
const v0 = performance.now();
const verified = await verifyAudit(db, signer.verifier);
const verifyMs = performance.now() - v0;
await database.close();
fs.rmSync(folder, { recursive: true, force: true });

const ms = (v: number) => `${v.toFixed(1)} ms`;
const appendSorted = [...written.latencies].sort((a, b) => a - b);
const sealSorted = seals.map((s) => s.ms).sort((a, b) => a - b);
const p99 = percentile(delays, 99);
const goal = sealMs + 2000;
const lines = [
  `audit bench on ${args.driver}: ${entries} audited transactions by ${writers} writers, sealing every ${sealMs / 1000} s`,
  `  writes: ${(entries / written.seconds).toFixed(0)} entries/s; append+commit p50 ${ms(percentile(appendSorted, 50))}, p99 ${ms(percentile(appendSorted, 99))}`,
  `  sealing delay (commit → covered by a signed checkpoint): p50 ${ms(percentile(delays, 50))}, p99 ${ms(p99)}, max ${ms(delays.at(-1 - unsealed) ?? NaN)}`,
  `  seals: ${seals.length}, ${(entries / Math.max(1, seals.length)).toFixed(0)} entries each on average; a seal took p50 ${ms(percentile(sealSorted, 50))}, max ${ms(sealSorted.at(-1) ?? NaN)}`,
  `  verify (whole log, ${verified.ok ? verified.sealed : '?'} entries): ${verified.ok ? 'intact' : `BROKEN ${verified.fault}`} in ${ms(verifyMs)}`,
];
const missed = [
  ...(unsealed > 0 ? [`${unsealed} entries never sealed`] : []),
  ...(verified.ok ? [] : [`the log does not verify (${verified.fault})`]),
  ...(p99 > goal ? [`sealing delay p99 ${ms(p99)} > ${ms(goal)}`] : []),
];
process.stdout.write(`${[...lines, missed.length ? `MISSED: ${missed.join('; ')}` : 'goals met'].join('\n')}\n`);
process.exitCode = missed.length ? 1 : 0;

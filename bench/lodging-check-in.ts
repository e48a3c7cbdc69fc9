// npx tsx bench/lodging-check-in.ts — bulk check-in through HTTP: 20 requests of 1,000 guests, 4 at a time, each
// request sent twice at once (the hotel software's retry), against a server this script starts in a worker thread
// (bundled by esbuild, as bench/booking.ts does). Prints guests/s, p95 per request and the duplicate count; exits 1
// below 2,000 guests/s, above 1 s p95, or on any duplicate.
//
// Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/sikoe_bench_lodging, created when missing;
// never the tests' database), BENCH_REQUESTS (20), BENCH_GUESTS (1000), BENCH_CONCURRENCY (4).
import crypto from 'node:crypto';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { createApiToken } from '../src/accounts/api-tokens.ts';
import { registerLodging } from '../src/lodgings/register-lodging.ts';
import { lodgings } from '../src/lodgings/schema.ts';
import { systemCaller } from '../src/platform/auth/caller.ts';
import { accounts } from '../src/platform/auth/schema.ts';
import { toActor } from '../src/platform/auth/sessions.ts';
import { addDays, witaDate } from '../src/platform/calendar/wita.ts';
import { queryRows } from '../src/platform/db/index.ts';
import { bundleSelf } from './bundle-self.ts';
import { ensureBenchDatabase, startBenchServer } from './bench-database.ts';

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/sikoe_bench_lodging';
const requests = Number(process.env.BENCH_REQUESTS ?? 20);
const perRequest = Number(process.env.BENCH_GUESTS ?? 1000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 4);

type Ready = { port: number; lodgingId: string; token: string };

/** The server thread: the app on PostgreSQL, a verified lodging and its manager's API token. */
async function serverWorker() {
  const { running, port } = await startBenchServer((workerData as { url: string }).url, 'lodging');
  const db = running.database.db;
  const [owner] = await db
    .insert(accounts)
    .values({
      email: `bench-${crypto.randomUUID()}@bench.sikoe.id`,
      name: 'Bench Hotel',
      passwordHash: 'x',
      kind: 'citizen',
    })
    .returning();
  const caller = { ...systemCaller('bench'), actor: toActor(owner!, 'token', true) };
  const [village] = await queryRows<{ code: string }>(
    db,
    sql`select code from villages where code like '53.15.%' limit 1`,
  );
  const lodging = await db.transaction((tx) =>
    registerLodging(tx, caller, {
      name: 'Bench Hotel',
      kind: 'hotel',
      licenceNumber: 'NIB-BENCH',
      address: 'Jl. Bench 1',
      villageCode: village!.code,
      personInCharge: 'Bench',
      phone: '081234567890',
      email: owner!.email,
    }),
  );
  await db.update(lodgings).set({ status: 'verified' }).where(eq(lodgings.id, lodging.id));
  const { token } = await db.transaction((tx) => createApiToken(tx, caller, owner!.id, 'bench'));
  parentPort!.postMessage({
    port,
    lodgingId: lodging.id,
    token,
  } satisfies Ready);
  parentPort!.on('message', () => void running.stop().then(() => process.exit(0)));
}

const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
function guests(run: string, batch: number) {
  const checkIn = new Date(Date.now() - 3_600_000);
  return Array.from({ length: perRequest }, (_, i) => ({
    clientId: `${run}-${batch}-${i}`,
    surname: `GUEST${letters[i % 24]}`,
    givenNames: 'BENCH',
    nationality: 'AUS',
    issuingState: 'AUS',
    documentNumber: `B${run.slice(0, 4).toUpperCase()}${String(batch * perRequest + i).padStart(6, '0')}`,
    birthDate: '1985-05-05',
    sex: 'F',
    checkInAt: checkIn.toISOString(),
    expectedCheckOutOn: addDays(witaDate(checkIn), 3),
    purpose: 'tourism',
  }));
}

async function main() {
  await ensureBenchDatabase(url);
  const worker = new Worker(await bundleSelf(import.meta.url, 'lodging'), { workerData: { url } });
  const ready = await new Promise<Ready>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const base = `http://127.0.0.1:${ready.port}/api/v1/lodgings/${ready.lodgingId}/guests`;
  const run = crypto.randomUUID().replace(/-/g, '').slice(0, 8);
  const batches = Array.from({ length: requests }, (_, b) => JSON.stringify({ guests: guests(run, b) }));
  const latencies: number[] = [];
  const totals = { accepted: 0, repeated: 0, rejected: 0 };
  const send = async (body: string) => {
    const t0 = performance.now();
    const res = await fetch(base, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ready.token}` },
    });
    const json = (await res.json()) as typeof totals;
    latencies.push(performance.now() - t0);
    if (!res.ok) throw new Error(`HTTP ${res.status}: ${JSON.stringify(json).slice(0, 300)}`);
    totals.accepted += json.accepted;
    totals.repeated += json.repeated;
    totals.rejected += json.rejected;
  };
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < batches.length) {
        const body = batches[next++]!;
        await Promise.all([send(body), send(body)]);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const check = new pg.Client({ connectionString: url });
  await check.connect();
  const { rows } = await check.query<{ stays: number; clients: number; people: number }>(
    `select count(*)::int as stays, count(distinct client_id)::int as clients, count(distinct foreigner_id)::int as people
       from stays where lodging_id = $1`,
    [ready.lodgingId],
  );
  await check.end();
  worker.postMessage('stop');
  const unique = requests * perRequest;
  const duplicates = rows[0]!.stays - unique + Math.max(0, rows[0]!.stays - rows[0]!.people);
  latencies.sort((a, b) => a - b);
  const p95 = latencies[Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.95) - 1)]!;
  const rate = unique / seconds;
  console.log(
    `lodging bulk check-in over HTTP on PostgreSQL: ${requests} × ${perRequest} guests, each request sent twice, ${concurrency} at a time`,
  );
  console.log(`  guests/s (unique guests ÷ wall time): ${rate.toFixed(0)} (goal ≥ 2000)`);
  console.log(`  p95 per request: ${p95.toFixed(0)} ms (goal ≤ 1000), ${latencies.length} requests`);
  console.log(`  answers: ${totals.accepted} accepted, ${totals.repeated} repeated, ${totals.rejected} rejected`);
  console.log(`  stays: ${rows[0]!.stays} for ${unique} guests; duplicates: ${duplicates} (goal 0)`);
  const ok = rate >= 2000 && p95 <= 1000 && duplicates === 0 && totals.accepted === unique && totals.rejected === 0;
  process.exit(ok ? 0 : 1);
}

if (isMainThread) await main();
else await serverWorker();

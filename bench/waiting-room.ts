// npm run bench:waiting-room [-- --driver pglite|postgres --clients 10000 --rate 6000 --arrival 10 --reloaders 200]
//
// Ten thousand accounts arrive at one unit's waiting room within `--arrival` simulated seconds, far beyond the
// admission rate (`--rate` places a minute), and wait as the page makes them: each reloads when the page's refresh
// says (at its expected turn when near, else every 30 s), and `--reloaders` of them reload every second and take a
// place again, as a bot would. It drives the use cases directly (admitOrWait, spendPass: the same calls the routes
// make) with a simulated clock injected as `now`, so minutes of waiting run in about a minute; the database is real
// (PGlite in memory, or PostgreSQL: DATABASE_URL, default postgres://postgres@127.0.0.1:5432/sikoe_wait).
//
// Goals (exit 1 when one is missed): admissions in every 20-second window of the busy period, as the server fixed
// them and as the clients saw them, within ±10 % of the rate; places in order of arrival and admission in order of
// place (no inversion at all by the server; as seen by clients at most one second's worth of places, the refresh
// granularity); reloading never moves a place nor gets anyone in early; one place per account in the database; every
// pass good once; the process's heap after the run within 64 MB of before it (the state lives in the database).
import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Database } from '../src/platform/db/index.ts';
import { admitOrWait } from '../src/waiting-room/admit-or-wait.ts';
import { passKey, spendPass } from '../src/waiting-room/pass.ts';
import type { WaitingRoom } from '../src/waiting-room/room.ts';
import { waitingRoomSettings } from '../src/waiting-room/settings.ts';
import { refreshSeconds } from '../src/waiting-room/views/waiting-page.tsx';
import { ensureBenchDatabase } from './bench-database.ts';

const { values: args } = parseArgs({
  options: {
    driver: { type: 'string', default: process.env.BENCH_DRIVER ?? 'pglite' },
    clients: { type: 'string', default: '10000' },
    rate: { type: 'string', default: '6000' },
    arrival: { type: 'string', default: '10' },
    reloaders: { type: 'string', default: '200' },
  },
});
const CLIENTS = Number(args.clients);
const RATE = Number(args.rate);
const ARRIVAL_S = Number(args.arrival);
const RELOADERS = Number(args.reloaders);
const TICK_MS = 100;
const WINDOW_S = 20;
const BATCH = 32;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const memory = () => {
  gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, rss: m.rss };
};

type Client = {
  accountId: string;
  arriveTick: number;
  reloader: boolean;
  place?: number;
  admitAt?: number;
  seenAt?: number;
  placeMoved?: boolean;
  early?: boolean;
};

async function open(): Promise<Database> {
  if (args.driver === 'postgres') {
    const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/sikoe_wait';
    await ensureBenchDatabase(url);
    return openDatabase({ kind: 'postgres', url, poolSize: 16 });
  }
  return openDatabase({ kind: 'pglite' });
}

/** Admissions per window of the busy period, against the rate: the largest deviation as a fraction. */
function windowDeviation(times: number[], from: number, to: number): { worst: number; windows: number[] } {
  const windows: number[] = [];
  for (let start = from; start + WINDOW_S * 1000 <= to; start += WINDOW_S * 1000)
    windows.push(times.filter((t) => t >= start && t < start + WINDOW_S * 1000).length);
  const expected = (RATE / 60) * WINDOW_S;
  return { worst: Math.max(0, ...windows.map((n) => Math.abs(n - expected) / expected)), windows };
}

/** The largest distance in places between two clients seen admitted in the opposite order of their places. */
function worstInversion(clients: Client[]): number {
  const seen = [...clients].sort((a, b) => a.seenAt! - b.seenAt! || a.place! - b.place!);
  let worst = 0;
  let highest = 0;
  for (const c of seen) {
    worst = Math.max(worst, highest - c.place!);
    highest = Math.max(highest, c.place!);
  }
  return worst;
}

async function main() {
  const database = await open();
  await database.migrate();
  const db = database.db;
  const settings = waitingRoomSettings({ admitPerMinute: RATE, passMinutes: 10, hours: 'always' });
  const room: WaitingRoom = { settings, key: passKey(crypto.randomBytes(16).toString('hex'), 10), active: () => true };
  const unitCode = `BENCH-WR-${crypto.randomBytes(4).toString('hex').toUpperCase()}`;
  const start = Date.now();
  const at = (tick: number) => new Date(start + tick * TICK_MS);

  const clients: Client[] = Array.from({ length: CLIENTS }, (_, i) => ({
    accountId: crypto.randomUUID(),
    arriveTick: Math.floor((i / CLIENTS) * ((ARRIVAL_S * 1000) / TICK_MS)),
    reloader: i % Math.max(1, Math.floor(CLIENTS / Math.max(1, RELOADERS))) === 0 && RELOADERS > 0,
  }));
  // Events by tick: a client's next visit (its arrival, a refresh, a bot's reload).
  const due = new Map<number, Client[]>();
  const schedule = (tick: number, c: Client) => {
    const list = due.get(tick);
    if (list) list.push(c);
    else due.set(tick, [c]);
  };
  for (const c of clients) schedule(c.arriveTick, c);

  const before = memory();
  console.log(
    `waiting room bench: ${args.driver}, ${CLIENTS} clients arriving over ${ARRIVAL_S} s, rate ${RATE}/min, burst ${settings.burst}, ${RELOADERS} reloading every second`,
  );
  console.log(`memory before: heap ${mb(before.heap)}, rss ${mb(before.rss)}`);
  const wallStart = performance.now();
  let calls = 0;
  let passes = 0;
  let passFailures = 0;
  let doubleSpends = 0;
  let inside = 0;
  let peakWaiting = 0;
  let joined = 0;

  const visit = async (c: Client, tick: number) => {
    const now = at(tick);
    // Arrival and bots' reloads take a place (idempotent); the page's refreshes only read it.
    const join = c.place === undefined || c.reloader;
    const turn = (await admitOrWait(db, room, { unitCode, accountId: c.accountId }, join, now))!;
    calls++;
    const { standing } = turn;
    if (c.place === undefined) {
      c.place = standing.place;
      joined++;
      c.admitAt = standing.admitAt.getTime();
    } else if (standing.place !== c.place) c.placeMoved = true;
    if (!standing.admitted) {
      schedule(tick + (c.reloader ? 1000 : refreshSeconds(standing.waitSeconds) * 1000) / TICK_MS, c);
      return;
    }
    c.seenAt = now.getTime();
    if (c.seenAt < c.admitAt!) c.early = true;
    inside++;
    const nth = ++passes;
    const waiter = { unitCode, accountId: c.accountId };
    await spendPass(db, room.key, turn.pass!.pass, waiter, now).catch(() => passFailures++);
    // One in a hundred tries its pass a second time: it must be refused.
    if (nth % 100 === 0)
      await spendPass(db, room.key, turn.pass!.pass, waiter, now).then(
        () => undefined,
        () => doubleSpends++,
      );
  };

  let tick = 0;
  while (due.size > 0) {
    const batch = due.get(tick);
    if (batch) {
      due.delete(tick);
      for (let i = 0; i < batch.length; i += BATCH)
        await Promise.all(batch.slice(i, i + BATCH).map((c) => visit(c, tick)));
      peakWaiting = Math.max(peakWaiting, joined - inside);
    }
    tick++;
  }
  const wallSeconds = (performance.now() - wallStart) / 1000;
  const after = memory();

  // The busy period: from the first place that had to wait to the last admission.
  const admitTimes = clients.map((c) => c.admitAt!).sort((a, b) => a - b);
  const seenTimes = clients.map((c) => c.seenAt!).sort((a, b) => a - b);
  const firstWait = Math.min(
    ...clients.filter((c) => c.admitAt! > start + c.arriveTick * TICK_MS).map((c) => c.admitAt!),
  );
  const last = admitTimes[admitTimes.length - 1]!;
  const fixed = windowDeviation(admitTimes, firstWait, last);
  const seen = windowDeviation(seenTimes, firstWait, last);
  const overall = ((admitTimes.filter((t) => t >= firstWait).length - 1) / ((last - firstWait) / 1000)) * 60;

  const byPlace = [...clients].sort((a, b) => a.place! - b.place!);
  const serverInversions = byPlace.filter((c, i) => i > 0 && c.admitAt! < byPlace[i - 1]!.admitAt!).length;
  const arrivalInversions = byPlace.filter((c, i) => i > 0 && c.arriveTick < byPlace[i - 1]!.arriveTick).length;
  const clientInversion = worstInversion(clients);
  const tolerance = Math.ceil(RATE / 60);
  const [rows] = await queryRows<{ places: number; accounts: number }>(
    db,
    sql`select count(*)::int as places, count(distinct account_id)::int as accounts from waiting_room_places where unit_code = ${unitCode}`,
  );
  await database.close();

  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  console.log(
    `ran ${calls} waiting-room calls and ${passes} passes in ${wallSeconds.toFixed(1)} s (${Math.round(calls / wallSeconds)} calls/s)`,
  );
  console.log(`simulated: busy for ${((last - firstWait) / 1000).toFixed(1)} s, up to ${peakWaiting} waiting at once`);
  console.log(`memory after: heap ${mb(after.heap)}, rss ${mb(after.rss)}`);
  console.log(`admission rate over the busy period: ${overall.toFixed(0)}/min (configured ${RATE}/min)`);
  console.log(`admissions per ${WINDOW_S} s window as fixed by the server: ${fixed.windows.join(', ')}`);
  console.log(`admissions per ${WINDOW_S} s window as seen by clients: ${seen.windows.join(', ')}`);

  const goals = [
    {
      name: `server admissions per ${WINDOW_S} s within ±10 %`,
      ok: fixed.worst <= 0.1,
      detail: `worst ${pct(fixed.worst)}`,
    },
    {
      name: `client-seen admissions per ${WINDOW_S} s within ±10 %`,
      ok: seen.worst <= 0.1,
      detail: `worst ${pct(seen.worst)}`,
    },
    { name: 'places follow arrival', ok: arrivalInversions === 0, detail: `${arrivalInversions} inversions` },
    { name: 'server admits in order of place', ok: serverInversions === 0, detail: `${serverInversions} inversions` },
    {
      name: `clients see admission in order (tolerance ${tolerance} places = 1 s)`,
      ok: clientInversion <= tolerance,
      detail: `worst ${clientInversion} places`,
    },
    {
      name: 'reloading keeps the place and gains nothing',
      ok: !clients.some((c) => c.placeMoved || c.early),
      detail: `${clients.filter((c) => c.placeMoved).length} moved, ${clients.filter((c) => c.early).length} early`,
    },
    {
      name: 'one place per account',
      ok: rows!.places === CLIENTS && rows!.accounts === CLIENTS,
      detail: `${rows!.places} places, ${rows!.accounts} accounts`,
    },
    {
      name: 'every pass good once',
      ok: passFailures === 0 && doubleSpends === Math.floor(passes / 100),
      detail: `${passFailures} refused at first use, ${doubleSpends} of ${Math.floor(passes / 100)} second uses refused`,
    },
    {
      name: 'heap held (after − before ≤ 64 MB)',
      ok: after.heap - before.heap <= 64 * 1024 * 1024,
      detail: `${mb(after.heap - before.heap)}`,
    },
  ];
  for (const g of goals) console.log(`${g.ok ? 'ok  ' : 'MISS'} ${g.name}: ${g.detail}`);
  if (goals.some((g) => !g.ok)) process.exitCode = 1;
}

await main();

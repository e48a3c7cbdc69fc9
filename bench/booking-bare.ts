// The bare side of the booking benchmark: the booking transaction's writes through the driver, no HTTP, no drizzle.
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { type Running } from '../src/main.ts';
import { newBillingCode } from '../src/payments/billing-code.ts';
import { type IsoDate } from '../src/platform/calendar/wita.ts';
import { DEFAULT_POOL_SIZE } from '../src/platform/db/index.ts';
import { type Driver, type Options } from './booking-fixture.ts';
import { drive, tally, type Outcome, type Phase } from './load.ts';

export type BareClient = {
  transaction(
    work: (
      q: (text: string, params: unknown[]) => Promise<{ rowCount: number; rows: { id?: string }[] }>,
    ) => Promise<boolean>,
  ): Promise<boolean>;
  close(): Promise<void>;
  /** Statements sent so far, BEGIN and COMMIT included. */
  roundTrips(): number;
};

/** The driver itself, no drizzle, no HTTP: a pg Pool as large as the server's, or the server's PGlite. */
export function bareClient(driver: Driver, running: Running, options: Options): BareClient {
  if (driver === 'pglite') {
    const client = (running.database.db as unknown as { $client: PGlite }).$client;
    return {
      transaction: (work) =>
        client.transaction(async (tx) => {
          const took = await work(async (text, params) => {
            const r = await tx.query<{ id?: string }>(text, params);
            return { rowCount: r.affectedRows ?? r.rows.length, rows: r.rows };
          });
          if (!took) await tx.rollback();
          return took;
        }),
      close: async () => undefined,
      roundTrips: () => running.database.roundTrips(),
    };
  }
  const pool = new pg.Pool({ connectionString: options.url, max: options.pool ?? DEFAULT_POOL_SIZE });
  let trips = 0;
  return {
    async transaction(work) {
      const client = await pool.connect();
      try {
        trips += 2;
        await client.query('begin');
        const took = await work(async (text, params) => {
          trips++;
          const r = await client.query<{ id?: string }>(text, params);
          return { rowCount: r.rowCount ?? 0, rows: r.rows };
        });
        await client.query(took ? 'commit' : 'rollback');
        return took;
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
    roundTrips: () => trips,
  };
}

/** The booking transaction's writes as plain SQL: conditional counter update, appointment, billing, action. */
export async function bareRun(
  bare: BareClient,
  unitCode: string,
  date: IsoDate,
  people: { applicationId: string; nik: string; accountId: string }[],
  concurrency: number,
): Promise<Phase> {
  const outcomes: Outcome[] = [];
  const latencies: number[] = [];
  const started = performance.now();
  let lastBookedAt = 0;
  const seconds = await drive(people.length, concurrency, async (i) => {
    const p = people[i]!;
    const t0 = performance.now();
    const took = await bare.transaction(async (q) => {
      const place = await q(
        `update day_quotas set booked = booked + 1 where unit_code = $1 and date = $2 and channel = 'online' and booked < capacity returning booked`,
        [unitCode, date],
      );
      if (place.rowCount !== 1) return false;
      const appointment = await q(
        `insert into appointments (application_id, unit_code, date, channel, nik) values ($1, $2, $3, 'online', $4) returning id`,
        [p.applicationId, unitCode, date, p.nik],
      );
      const appointmentId = appointment.rows[0]!.id!;
      const code = newBillingCode();
      await q(
        `insert into billings (code, appointment_id, application_id, amount, expires_at) values ($1, $2, $3, $4, $5)`,
        [code, appointmentId, p.applicationId, 950_000, new Date(Date.now() + 7_200_000)],
      );
      await q(
        `insert into application_actions (application_id, type, actor_id, payload) values ($1, 'appointment_booked', $2, $3)`,
        [
          p.applicationId,
          p.accountId,
          JSON.stringify({ status: 'booked', appointmentId, date, unitCode, billingCode: code }),
        ],
      );
      return true;
    });
    const t1 = performance.now();
    latencies.push(t1 - t0);
    outcomes.push(took ? 'booked' : 'quota_full');
    if (took) lastBookedAt = (t1 - started) / 1000;
  });
  return { attempts: people.length, seconds, outcomes: tally(outcomes), latencies, lastBookedAt };
}

// The booking benchmark's data: its own unit and days, applicants with accounts and tokens (bench/booking.ts).
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { applications } from '../src/applications/schema.ts';
import { newTrackingCode } from '../src/applications/tracking-code.ts';
import { bookingWindow } from '../src/appointments/booking-window.ts';
import { dayQuotas, quotaOverrides } from '../src/appointments/schema.ts';
import { closedDays } from '../src/holidays/closed-days.ts';
import type { Config } from '../src/platform/config.ts';
import { bookStock } from '../src/passports/schema.ts';
import { accounts, apiTokens } from '../src/platform/auth/schema.ts';
import { hashToken, randomToken } from '../src/platform/auth/tokens.ts';
import { addDays, type IsoDate } from '../src/platform/calendar/wita.ts';
import { queryRows, type Db } from '../src/platform/db/index.ts';
import { units } from '../src/units/schema.ts';

export type Driver = 'postgres' | 'pglite';
export type Options = {
  capacity: number;
  applicants: number;
  concurrency: number;
  warmup: number;
  pool: number | undefined;
  url: string;
  logLevel: string;
};
export type Applicant = { token: string; applicationId: string; accountId: string };
export type Fixture = {
  unitCode: string;
  httpDate: IsoDate;
  bareDate: IsoDate;
  warmHttpDate: IsoDate;
  warmBareDate: IsoDate;
  /** A day with one place, for counting one booking's round trips on its own. */
  probeDate: IsoDate;
};

/**
 * NIKs no application names (nor a live appointment): random birth dates and serials, re-drawn on a clash with an
 * earlier run on the same database.
 */
export async function freshNiks(db: Db, count: number): Promise<string[]> {
  const niks = new Set<string>();
  const draw = () => {
    const day = String(1 + crypto.randomInt(28)).padStart(2, '0');
    const month = String(1 + crypto.randomInt(12)).padStart(2, '0');
    const year = String(50 + crypto.randomInt(50)).padStart(2, '0');
    return `537101${day}${month}${year}${1000 + crypto.randomInt(9000)}`;
  };
  while (niks.size < count) {
    const batch: string[] = [];
    while (batch.length < count - niks.size) {
      const nik = draw();
      if (!niks.has(nik) && !batch.includes(nik)) batch.push(nik);
    }
    const taken = new Set(
      (
        await queryRows<{ nik: string }>(
          db,
          sql`select nik from appointments where state in ('booked', 'paid') and nik in ${batch}
            union select nik from applications where nik in ${batch}`,
        )
      ).map((r) => r.nik),
    );
    for (const nik of batch) if (!taken.has(nik)) niks.add(nik);
  }
  return [...niks];
}

export async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

/** Accounts with a bearer token each, and one submitted application per account, for the unit. */
export async function makeApplicants(
  db: Db,
  run: string,
  tag: string,
  unitCode: string,
  count: number,
  passwordHash: string,
): Promise<Applicant[]> {
  const niks = await freshNiks(db, count);
  const people = niks.map((nik, i) => ({
    accountId: crypto.randomUUID(),
    applicationId: crypto.randomUUID(),
    token: randomToken('sikoe_'),
    email: `bench-${run}-${tag}-${i}@bench.sikoe.id`,
    nik,
  }));
  await insertChunked(people, (chunk) =>
    db.insert(accounts).values(
      chunk.map((p) => ({
        id: p.accountId,
        email: p.email,
        name: 'Bench Applicant',
        passwordHash,
        kind: 'citizen' as const,
        emailVerifiedAt: new Date(),
      })),
    ),
  );
  await insertChunked(people, (chunk) =>
    db.insert(apiTokens).values(
      chunk.map((p) => ({
        accountId: p.accountId,
        name: 'bench',
        tokenHash: hashToken(p.token),
        prefix: p.token.slice(0, 12),
        expiresAt: new Date(Date.now() + 86_400_000),
      })),
    ),
  );
  await insertChunked(people, (chunk) =>
    db.insert(applications).values(
      chunk.map((p) => ({
        id: p.applicationId,
        accountId: p.accountId,
        trackingCode: newTrackingCode(),
        status: 'submitted',
        unitCode,
        nik: p.nik,
        fullName: 'Bench Applicant',
        birthPlace: 'Kupang',
        birthDate: `19${p.nik.slice(10, 12)}-${p.nik.slice(8, 10)}-${p.nik.slice(6, 8)}`,
        sex: 'M' as const,
        maritalStatus: 'single' as const,
        address: 'Jl. El Tari 1, Kupang',
        phone: '081234567890',
        email: p.email,
        kind: 'first' as const,
        passportType: 'elektronik' as const,
        validityYears: 10 as const,
        speed: 'reguler' as const,
        purpose: 'tourism' as const,
        feeTotal: 950_000,
        feeItems: [{ item: 'elektronik_10y', amount: 950_000 }],
        feeRegulation: 'PP 45/2024',
        submittedAt: new Date(),
      })),
    ),
  );
  return people.map((p) => ({ token: p.token, applicationId: p.applicationId, accountId: p.accountId }));
}

/** A unit of the bench's own with five open serving days: HTTP and bare, each with a warm-up day, and the probe's. */
export async function makeFixture(
  db: Db,
  booking: Config['booking'],
  options: Pick<Options, 'capacity' | 'warmup'>,
): Promise<Fixture> {
  const unitCode = `BENCH-${crypto.randomUUID().slice(0, 8).toUpperCase()}`;
  const weekdays = [['08:00', '16:00']] as [string, string][];
  await db.insert(units).values({
    code: unitCode,
    name: `Kantor Imigrasi Bench ${unitCode}`,
    kind: 'kanim',
    parentCode: 'KANWIL-NTT',
    regencyCode: '53.71',
    address: 'Kota Kupang',
    services: ['passport'],
    openingHours: { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: weekdays, sat: [], sun: [] },
  });
  await db.insert(bookStock).values([
    { unitCode, passportType: 'biasa', quantity: 1_000_000 },
    { unitCode, passportType: 'elektronik', quantity: 1_000_000 },
  ]);
  // Serving days well inside the window, away from its edges (the newest day opens at 08:00 WITA).
  const window = bookingWindow(new Date(), booking);
  const closed = await closedDays(db, unitCode, window.from, window.to);
  const open: IsoDate[] = [];
  for (let d = addDays(window.from, 1); d < window.to && open.length < 5; d = addDays(d, 1))
    if (!closed.has(d)) open.push(d);
  if (open.length < 5) throw new Error('fewer than five serving days in the booking window');
  const [warmHttpDate, httpDate, warmBareDate, bareDate, probeDate] = open as [
    IsoDate,
    IsoDate,
    IsoDate,
    IsoDate,
    IsoDate,
  ];
  const warmCapacity = Math.max(1, Math.floor(options.warmup / 5));
  await db.insert(quotaOverrides).values([
    { unitCode, date: httpDate, channel: 'online', capacity: options.capacity },
    { unitCode, date: warmHttpDate, channel: 'online', capacity: warmCapacity },
  ]);
  // The bare transaction starts from an existing day counter, as every booking but a date's first does.
  await db.insert(dayQuotas).values([
    { unitCode, date: bareDate, channel: 'online', capacity: options.capacity, booked: 0 },
    { unitCode, date: warmBareDate, channel: 'online', capacity: warmCapacity, booked: 0 },
    { unitCode, date: probeDate, channel: 'online', capacity: 1, booked: 0 },
  ]);
  return { unitCode, httpDate, bareDate, warmHttpDate, warmBareDate, probeDate };
}

/** Bare applicants: applications only (the bare path authenticates nobody), on existing accounts. */
export async function makeBareApplicants(db: Db, unitCode: string, count: number, accountId: string) {
  const niks = await freshNiks(db, count);
  const people = niks.map((nik) => ({ applicationId: crypto.randomUUID(), nik, accountId }));
  await insertChunked(people, (chunk) =>
    db.insert(applications).values(
      chunk.map((p) => ({
        id: p.applicationId,
        accountId,
        trackingCode: newTrackingCode(),
        status: 'submitted',
        unitCode,
        nik: p.nik,
        passportType: 'elektronik' as const,
        feeTotal: 950_000,
      })),
    ),
  );
  return people;
}

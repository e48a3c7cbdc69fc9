import { eq } from 'drizzle-orm';
import crypto from 'node:crypto';
import { hashPassword } from '../src/platform/auth/passwords.ts';
import { accounts, type Account, type OfficerRole } from '../src/platform/auth/schema.ts';
import { createSession } from '../src/platform/auth/sessions.ts';
import { newTotpSecret } from '../src/platform/auth/totp.ts';
import type { Executor } from '../src/platform/db/index.ts';
import { applications } from '../src/applications/schema.ts';
import { newTrackingCode } from '../src/applications/tracking-code.ts';
import { quotaOverrides } from '../src/appointments/schema.ts';
import { bookStock } from '../src/passports/schema.ts';
import { units } from '../src/units/schema.ts';

export const PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

export const uniqueEmail = (prefix = 'user') => `${prefix}-${crypto.randomUUID().slice(0, 12)}@test.sikoe.id`;

export async function makeCitizen(
  db: Executor,
  overrides: Partial<typeof accounts.$inferInsert> = {},
): Promise<Account> {
  passwordHash ??= hashPassword(PASSWORD);
  const [row] = await db
    .insert(accounts)
    .values({
      email: uniqueEmail('citizen'),
      name: 'Maria Bria',
      passwordHash: await passwordHash,
      kind: 'citizen',
      emailVerifiedAt: new Date(),
      ...overrides,
    })
    .returning();
  return row!;
}

/** An officer, with TOTP enabled by default since no officer can work without it. */
export async function makeOfficer(
  db: Executor,
  options: { role?: OfficerRole; unitCode?: string; totp?: boolean } & Partial<typeof accounts.$inferInsert> = {},
): Promise<Account> {
  const { role = 'counter_officer', unitCode = 'KANIM-KUPANG', totp = true, ...rest } = options;
  passwordHash ??= hashPassword(PASSWORD);
  const [row] = await db
    .insert(accounts)
    .values({
      email: uniqueEmail(role),
      name: `Officer ${role.replaceAll('_', ' ')}`,
      passwordHash: await passwordHash,
      kind: 'officer',
      role,
      unitCode,
      emailVerifiedAt: new Date(),
      ...(totp ? { totpSecret: newTotpSecret(), totpEnabledAt: new Date() } : {}),
      ...rest,
    })
    .returning();
  return row!;
}

/** A signed-in session cookie for the account, second factor passed. */
export async function sessionCookie(db: Executor, account: Account): Promise<string> {
  const token = await createSession(db, { accountId: account.id, mfaPassed: true, days: 1 });
  return `sikoe_session=${token}`;
}

const nikBase = Math.floor(Math.random() * 9000);
let nikCounter = 0;
/**
 * A valid NIK for Kota Kupang (53.71.01) with the birth date and sex encoded. The serial counts up from a random
 * start, so NIKs never repeat within a test process and rarely across processes (with randomBirthDate, never
 * in practice): the one-live-appointment-per-NIK rule spans every test on a shared database.
 */
export function makeNik(birthDate = '1990-07-05', sex: 'F' | 'M' = 'M'): string {
  const [y, m, d] = birthDate.split('-');
  const day = String(Number(d) + (sex === 'F' ? 40 : 0)).padStart(2, '0');
  const serial = String(1000 + ((nikBase + nikCounter++) % 9000));
  return `537101${day}${m}${y!.slice(2)}${serial}`;
}

/** An adult's birth date, 1950–2004. */
export function randomBirthDate(): string {
  const year = 1950 + Math.floor(Math.random() * 55);
  const month = 1 + Math.floor(Math.random() * 12);
  const day = 1 + Math.floor(Math.random() * 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Distinct birth dates, a week apart from 1 January of `year`: tests whose people share a name (a factory's default)
 * must never share a birth date too, or a close-name check would take one for the other; the gap leaves a test room to
 * try the days either side of its person's.
 */
export function birthDatesFrom(year: number): () => string {
  let next = Date.UTC(year, 0, 1);
  return () => {
    const date = new Date(next).toISOString().slice(0, 10);
    next += 7 * 86_400_000;
    return date;
  };
}

/** A Kantor Imigrasi of its own, so a test's quotas and bookings meet no other test's. */
export async function makeUnit(db: Executor, overrides: Partial<typeof units.$inferInsert> = {}) {
  const code = `TEST-${crypto.randomUUID().slice(0, 8).toUpperCase()}`;
  const [row] = await db
    .insert(units)
    .values({
      code,
      name: `Kantor Imigrasi Uji ${code}`,
      kind: 'kanim',
      parentCode: 'KANWIL-NTT',
      regencyCode: '53.71',
      address: 'Kota Kupang',
      services: ['passport', 'koe_tos'],
      openingHours: {
        mon: [['08:00', '16:00']],
        tue: [['08:00', '16:00']],
        wed: [['08:00', '16:00']],
        thu: [['08:00', '16:00']],
        fri: [['08:00', '16:00']],
        sat: [],
        sun: [],
      },
      ...overrides,
    })
    .returning();
  return row!;
}

/** Capacity on one date and blank books in stock, so that date can be booked at the unit. */
export async function openDate(
  db: Executor,
  unitCode: string,
  date: string,
  capacity: number,
  channel: 'online' | 'percepatan' = 'online',
) {
  await db
    .insert(quotaOverrides)
    .values({ unitCode, date, channel, capacity })
    .onConflictDoUpdate({
      target: [quotaOverrides.unitCode, quotaOverrides.date, quotaOverrides.channel],
      set: { capacity },
    });
  await db
    .insert(bookStock)
    .values([
      { unitCode, passportType: 'biasa', quantity: 1000 },
      { unitCode, passportType: 'elektronik', quantity: 1000 },
    ])
    .onConflictDoNothing();
}

/** A submitted application (fee fixed), ready to book, for a citizen of its own unless one is given. */
/** A submitted application; its contact address is the applying account's, where Sikoe's mail about it goes. */
export async function makeApplication(
  db: Executor,
  options: { unitCode: string; accountId?: string } & Partial<typeof applications.$inferInsert>,
) {
  const account = options.accountId
    ? (
        await db
          .select({ id: accounts.id, email: accounts.email })
          .from(accounts)
          .where(eq(accounts.id, options.accountId))
      )[0]!
    : await makeCitizen(db);
  const accountId = account.id;
  const birthDate = options.birthDate ?? randomBirthDate();
  const [row] = await db
    .insert(applications)
    .values({
      trackingCode: newTrackingCode(),
      status: 'submitted',
      nik: makeNik(birthDate),
      fullName: 'Yohanes Ndun',
      // As an applicant states it: here the last word of the name (a test may state another part, or '' for none).
      familyName: (options.fullName ?? 'Yohanes Ndun').trim().split(/\s+/).at(-1)!,
      birthPlace: 'Kupang',
      birthDate,
      sex: 'M',
      maritalStatus: 'single',
      address: 'Jl. El Tari 1, Kupang',
      phone: '081234567890',
      email: account.email,
      kind: 'first',
      passportType: 'elektronik',
      validityYears: 10,
      speed: 'reguler',
      purpose: 'tourism',
      feeTotal: 950_000,
      feeItems: [{ item: 'elektronik_10y', amount: 950_000 }],
      feeRegulation: 'PP 45/2024',
      submittedAt: new Date(),
      ...options,
      accountId,
    })
    .returning();
  return row!;
}

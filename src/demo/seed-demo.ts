import { appendAudit } from '../platform/audit/append-audit.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { accounts, type OfficerRole } from '../platform/auth/schema.ts';
import type { Db } from '../platform/db/index.ts';
import { quotaTemplates, type Channel } from '../appointments/schema.ts';
import { bookStock } from '../passports/schema.ts';
import { seedDemoHistory } from '../statistics/seed-demo-history.ts';
import { seedDemoCases, type DemoServices } from './seed-demo-cases.ts';

export const DEMO_PASSWORD = 'sikoe-demo-2026';
/**
 * Every officer must use two-step verification, demo officers too: they share this key, to add once to an
 * authenticator app (it is public, like the password: demo data only).
 */
export const DEMO_TOTP_SECRET = 'SIKOEDEMONTTKUPANGIMIGRASINTTKUP';

const officers: { email: string; name: string; role: OfficerRole; unitCode: string }[] = [
  { email: 'admin@demo.sikoe.id', name: 'Admin Kanwil (demo)', role: 'admin', unitCode: 'KANWIL-NTT' },
  {
    email: 'kakanim.kupang@demo.sikoe.id',
    name: 'Kepala Kanim Kupang (demo)',
    role: 'head_of_office',
    unitCode: 'KANIM-KUPANG',
  },
  {
    email: 'loket.kupang@demo.sikoe.id',
    name: 'Petugas Loket Kupang (demo)',
    role: 'counter_officer',
    unitCode: 'KANIM-KUPANG',
  },
  {
    email: 'verifikator.kupang@demo.sikoe.id',
    name: 'Verifikator Kupang (demo)',
    role: 'verifier',
    unitCode: 'KANIM-KUPANG',
  },
  {
    email: 'adjudikator.kupang@demo.sikoe.id',
    name: 'Adjudikator Kupang (demo)',
    role: 'adjudicator',
    unitCode: 'KANIM-KUPANG',
  },
  {
    // Kupang's intelligence officer: the tips and warnings of Rote Ndao's adopted villages go to Kupang.
    email: 'intel.kupang@demo.sikoe.id',
    name: 'Petugas Intelijen Kupang (demo)',
    role: 'oversight_officer',
    unitCode: 'KANIM-KUPANG',
  },
  {
    email: 'wasdak.atambua@demo.sikoe.id',
    name: 'Petugas Pengawasan Atambua (demo)',
    role: 'oversight_officer',
    unitCode: 'KANIM-ATAMBUA',
  },
  {
    email: 'loket.maumere@demo.sikoe.id',
    name: 'Petugas Loket Maumere (demo)',
    role: 'counter_officer',
    unitCode: 'KANIM-MAUMERE',
  },
  {
    email: 'satpolpp.kupang@demo.sikoe.id',
    name: 'Satpol PP Kota Kupang (demo)',
    role: 'partner',
    unitCode: 'KANIM-KUPANG',
  },
  { email: 'ombudsman@demo.sikoe.id', name: 'Ombudsman NTT (demo)', role: 'auditor', unitCode: 'KANWIL-NTT' },
];
const citizens = [
  { email: 'maria@demo.sikoe.id', name: 'Maria Goreti Bria' },
  { email: 'yohanes@demo.sikoe.id', name: 'Yohanes Ndun' },
  { email: 'anselmus@demo.sikoe.id', name: 'Anselmus Nenobais' },
];

/** Daily places Monday to Friday per Kantor Imigrasi (Kupang is the busiest office); weekends stay closed. */
const dailyQuotas: Record<string, Partial<Record<Channel, number>>> = {
  'KANIM-KUPANG': { online: 80, percepatan: 20, priority: 20 },
  'KANIM-MAUMERE': { online: 40, percepatan: 10, priority: 10 },
  'KANIM-ATAMBUA': { online: 30, percepatan: 10, priority: 10 },
  'KANIM-LABUAN-BAJO': { online: 30, percepatan: 10, priority: 10 },
};
/** Blank books in stock, electronic passports being most of what NTT issues. */
const stock = { 'KANIM-KUPANG': { biasa: 300, elektronik: 900 }, other: { biasa: 100, elektronik: 300 } };

const templateRows = Object.entries(dailyQuotas).flatMap(([unitCode, perChannel]) =>
  Object.entries(perChannel).flatMap(([channel, capacity]) =>
    [1, 2, 3, 4, 5].map((weekday) => ({ unitCode, weekday, channel: channel as Channel, capacity })),
  ),
);
const stockRows = Object.keys(dailyQuotas).flatMap((unitCode) => {
  const quantities = unitCode === 'KANIM-KUPANG' ? stock['KANIM-KUPANG'] : stock.other;
  return (['biasa', 'elektronik'] as const).map((passportType) => ({
    unitCode,
    passportType,
    quantity: quantities[passportType],
  }));
});

/**
 * Sample officers of every role and three verified citizens, all with one known password (officers with the demo
 * TOTP key), weekly quotas and blank-book stock for the four Kantor Imigrasi so dates can be booked, their 2025
 * issuance history for the statistics page, and applications at every stage at Kupang (seed-demo-cases.ts).
 * Idempotent: what officers changed stays.
 */
export async function seedDemo(
  db: Db,
  services: DemoServices,
): Promise<{ accounts: { email: string; role: string }[]; passportUnits: string[]; applications: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const verified = new Date();
  await db.transaction(async (tx) => {
    await tx
      .insert(accounts)
      .values([
        ...officers.map((o) => ({
          ...o,
          kind: 'officer' as const,
          passwordHash,
          emailVerifiedAt: verified,
          totpSecret: DEMO_TOTP_SECRET,
          totpEnabledAt: verified,
        })),
        ...citizens.map((c) => ({ ...c, kind: 'citizen' as const, passwordHash, emailVerifiedAt: verified })),
      ])
      .onConflictDoNothing();
    await tx.insert(quotaTemplates).values(templateRows).onConflictDoNothing();
    await tx.insert(bookStock).values(stockRows).onConflictDoNothing();
    await seedDemoHistory(tx);
    await appendAudit(tx, systemCaller('seed --demo'), {
      action: 'demo.seed',
      details: { quotaUnits: Object.keys(dailyQuotas) },
    });
  });
  const applications = await seedDemoCases(db, services);
  return {
    accounts: [
      ...officers.map((o) => ({ email: o.email, role: o.role })),
      ...citizens.map((c) => ({ email: c.email, role: 'citizen' })),
    ],
    passportUnits: Object.keys(dailyQuotas),
    applications,
  };
}

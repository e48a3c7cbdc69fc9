// Factories for border passes' tests, and for the border desk's tests that need a pass.
import { createApiToken } from '../accounts/api-tokens.ts';
import { officerActor } from '../home-visits/test-support.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import type { Account } from '../platform/auth/schema.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import type { Storage } from '../platform/storage/storage.ts';
import { listVillages } from '../regions/queries.ts';
import { jpeg, png } from '../../test/uploads.ts';
import { randomBirthDate } from '../../test/factories.ts';
import { issueBorderPass, type IssueInput } from './issue-border-pass.ts';
import type { BorderPass } from './schema.ts';

/** Lamaknen (Belu), a listed kecamatan; Kota Kupang's Alak is not. */
export const LAMAKNEN = '53.04.01';
export const ALAK = '53.71.01';

const serialBase = Math.floor(Math.random() * 9000);
let serialCounter = 0;
/** A valid NIK first given in `district`, with the birth date and sex encoded; never repeated in a test process. */
export function borderNik(birthDate: string, sex: 'F' | 'M' = 'M', district = LAMAKNEN): string {
  const [y, m, d] = birthDate.split('-');
  const day = String(Number(d) + (sex === 'F' ? 40 : 0)).padStart(2, '0');
  const serial = String(1000 + ((serialBase + serialCounter++) % 9000));
  return `${district.replaceAll('.', '')}${day}${m}${y!.slice(2)}${serial}`;
}

export async function firstVillage(db: Executor, districtCode: string): Promise<string> {
  const [village] = await listVillages(db, districtCode);
  return village!.code;
}

/** An applicant living in Lamaknen, endorsed today, with two photos; a fresh NIK and birth date each time. */
export async function passInput(db: Executor, overrides: Partial<IssueInput> = {}): Promise<IssueInput> {
  const birthDate = overrides.birthDate ?? randomBirthDate();
  return {
    unitCode: 'KANIM-ATAMBUA',
    requestId: crypto.randomUUID(),
    nik: borderNik(birthDate),
    fullName: 'Yohanes Bria',
    birthPlace: 'Atambua',
    birthDate,
    sex: 'M',
    address: 'Dusun Weluli, RT 01',
    villageCode: await firstVillage(db, LAMAKNEN),
    endorsementNumber: '140/22/VI/2026',
    endorsementDate: witaDate(),
    photos: [png, jpeg],
    channel: 'office',
    ...overrides,
  };
}

/** The API's body for the same applicant: photos in base64. */
export const passBody = (input: IssueInput) => ({ ...input, photos: input.photos.map((p) => p.toString('base64')) });

/** A pass issued through the use case by `officer` (a counter officer at Atambua by default). */
export async function makeBorderPass(
  db: Executor,
  storage: Storage,
  officer: Account,
  overrides: Partial<IssueInput> = {},
): Promise<BorderPass> {
  const input = await passInput(db, overrides);
  const result = await db.transaction((tx) =>
    issueBorderPass(tx, { ...systemCaller('test'), actor: officerActor(officer) }, input, { storage }),
  );
  if (result.kind !== 'issued') throw new Error('the test pass was refused');
  return result.pass;
}

export async function bearerOf(db: Executor, account: Account): Promise<string> {
  const { token } = await db.transaction((tx) => createApiToken(tx, systemCaller('test'), account.id, 'desk'));
  return `Bearer ${token}`;
}

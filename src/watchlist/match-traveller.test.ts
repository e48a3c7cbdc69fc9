import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeDb } from '../../test/db.ts';
import { birthDatesFrom, makeNik } from '../../test/factories.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import { lastDayOfPeriod } from './ban-period.ts';
import { matchApplicant } from './match-applicant.ts';
import { matchTraveller, type Traveller } from './match-traveller.ts';
import { watchlistEntries } from './schema.ts';
import { makeBanEntry } from './test-support.ts';

/** One birth date per person from 1927 (which a NIK reads as last century), where no other feature's tests put people. */
const birthDate = birthDatesFrom(1927);
const passport = () => `X${crypto.randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase()}`;

describeDb('matching travellers against the ban lists', (ctx) => {
  const today = witaDate();
  const match = (t: Partial<Traveller> & Pick<Traveller, 'direction'>) =>
    matchTraveller(ctx.db, { fullName: '', birthDate: null, ...t }, today);

  it('checks a citizen leaving against the prevention list by NIK and by close name with the birth date', async () => {
    const born = birthDate();
    const nik = makeNik(born);
    const byNik = await makeBanEntry(ctx.db, { fullName: 'Nama Lain Sama Sekali', nik });
    const byName = await makeBanEntry(ctx.db, { fullName: 'MOHAMED ALI HASAN', birthDate: born });
    const hits = await match({
      direction: 'exit',
      nik,
      nationality: 'IDN',
      fullName: 'Hasan Muhammad',
      birthDate: born,
    });
    expect(hits).toEqual([
      { entryId: byNik.id, list: 'exit', match: 'nik', instruction: 'refer_to_supervisor' },
      { entryId: byName.id, list: 'exit', match: 'name_birth_date', instruction: 'refer_to_supervisor' },
    ]);
    // Nothing of the listing leaks: no name, grounds, letter or dates.
    expect(JSON.stringify(hits)).not.toMatch(/HASAN|Permintaan|B-001/);
    expect(await match({ direction: 'exit', fullName: 'Hasan Muhammad', birthDate: addDays(born, 1) })).toEqual([]);
    expect(
      await match({ direction: 'entry', nik, nationality: 'IDN', fullName: 'Hasan Muhammad', birthDate: born }),
    ).toEqual([]);
  });

  it('takes the birth date of a prevention entry listed by NIK alone from the NIK, so the name matches at the desk', async () => {
    const born = birthDate();
    const entry = await makeBanEntry(ctx.db, { fullName: 'CHRISTIAN NDUN', nik: makeNik(born, 'F') });
    expect(entry.birthDate).toBe(born);
    expect(await match({ direction: 'exit', fullName: 'C. Ndun', birthDate: born })).toEqual([
      { entryId: entry.id, list: 'exit', match: 'name_birth_date', instruction: 'refer_to_supervisor' },
    ]);
  });

  it('checks a foreigner entering against the entry-ban list by document number and by close name', async () => {
    const born = birthDate();
    const number = passport();
    const banned = await makeBanEntry(ctx.db, {
      list: 'entry',
      fullName: 'DA COSTA, JOAO',
      nationality: 'TLS',
      documentNumber: number,
      birthDate: born,
    });
    const byDocument = await match({
      direction: 'entry',
      nationality: 'TLS',
      documentNumber: number.toLowerCase(),
      fullName: 'Someone Else',
      birthDate: '1990-01-01',
    });
    expect(byDocument).toEqual([
      { entryId: banned.id, list: 'entry', match: 'document', instruction: 'refer_to_supervisor' },
    ]);
    // A new passport, another nationality, the name spelt otherwise: the name and birth date still find the ban.
    const renewed = await match({
      direction: 'entry',
      nationality: 'PRT',
      documentNumber: passport(),
      fullName: 'JOAO DACOSTA',
      birthDate: born,
    });
    expect(renewed).toEqual([expect.objectContaining({ entryId: banned.id, match: 'name_birth_date' })]);
    // The same number from another country is another document; an entry ban does not stop anyone leaving.
    expect(
      await match({ direction: 'entry', nationality: 'AUS', documentNumber: number, fullName: 'X Y', birthDate: null }),
    ).toEqual([]);
    expect(
      await match({ direction: 'exit', nationality: 'TLS', documentNumber: number, fullName: 'X', birthDate: born }),
    ).toEqual([]);
  });

  it('checks a foreigner leaving against the prevention list, by document too', async () => {
    const born = birthDate();
    const number = passport();
    const prevented = await makeBanEntry(ctx.db, {
      fullName: 'John Smith',
      nationality: 'AUS',
      documentNumber: number,
      birthDate: born,
    });
    expect(
      await match({
        direction: 'exit',
        nationality: 'AUS',
        documentNumber: number,
        fullName: 'J Smith',
        birthDate: born,
      }),
    ).toEqual([expect.objectContaining({ entryId: prevented.id, list: 'exit', match: 'document' })]);
    expect(
      await match({
        direction: 'entry',
        nationality: 'AUS',
        documentNumber: number,
        fullName: 'John Smith',
        birthDate: born,
      }),
    ).toEqual([]);
  });

  it('counts an entry only from its first day through its last, and never once lifted', async () => {
    const born = birthDate();
    const name = 'Yohanes Ndun';
    const later = await makeBanEntry(ctx.db, { fullName: name, birthDate: born, validFrom: addDays(today, 1) });
    const traveller = { direction: 'exit' as const, fullName: name, birthDate: born };
    expect(await match(traveller)).toEqual([]);
    expect(await matchTraveller(ctx.db, traveller, addDays(today, 1))).toEqual([
      expect.objectContaining({ entryId: later.id }),
    ]);
    expect(later.validUntil).toBe(lastDayOfPeriod(addDays(today, 1), 6));
    expect(await matchTraveller(ctx.db, traveller, later.validUntil)).toHaveLength(1);
    expect(await matchTraveller(ctx.db, traveller, addDays(later.validUntil, 1))).toEqual([]);
    await ctx.db.update(watchlistEntries).set({ liftedAt: new Date() }).where(eq(watchlistEntries.id, later.id));
    expect(await matchTraveller(ctx.db, traveller, addDays(today, 1))).toEqual([]);
  });

  it('keeps the passport check on the prevention list only, with the same name rule', async () => {
    const born = birthDate();
    const entryBan = await makeBanEntry(ctx.db, {
      list: 'entry',
      fullName: 'Petrus Nahak',
      nationality: 'TLS',
      documentNumber: passport(),
      birthDate: born,
    });
    const applicant = { nik: makeNik(born), fullName: 'PETRUS NAHAK', birthDate: born };
    expect(entryBan.list).toBe('entry');
    expect(await matchApplicant(ctx.db, applicant, today)).toBeNull();
    const prevented = await makeBanEntry(ctx.db, { fullName: 'Petroes Nahak', birthDate: born });
    expect(await matchApplicant(ctx.db, applicant, today)).toMatchObject({
      entry: { id: prevented.id },
      match: 'name_birth_date',
    });
  });
});

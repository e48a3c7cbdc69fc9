import { expect, it } from 'vitest';
import { describeDb } from '../../test/db.ts';
import { AppError } from '../platform/errors.ts';
import type { EntryBasis, PermitType, StayPermit } from '../stay-permits/schema.ts';
import type { PermitService } from './schema.ts';
import { assertEligible, feeFor, findServiceRule } from './service-rules.ts';

const permit = (type: PermitType, entryBasis: EntryBasis, validUntil: string, extensions = 0) =>
  ({ type, entryBasis, validUntil, extensions, status: 'active' }) as StayPermit;

describeDb('stay permit service rules and tariffs', (ctx) => {
  /** The reason a filing on `on` would be refused, or the rule that lets it through. */
  const judge = async (service: PermitService, p: StayPermit, on: string) => {
    try {
      return assertEligible(await findServiceRule(ctx.db, service, p, on), p, on);
    } catch (err) {
      if (err instanceof AppError) return err.fields?.service;
      throw err;
    }
  };

  it('extends a visit-visa ITK under the 2022 regime: 2 × 60 days, from 14 days to the day before the end', async () => {
    const p = permit('itk', 'visit_visa', '2025-01-20');
    expect(await judge('itk_extension', p, '2025-01-10')).toMatchObject({ stepDays: 60, maxExtensions: 2 });
    expect(await judge('itk_extension', p, '2025-01-06')).toMatchObject({ stepDays: 60 });
    expect(await judge('itk_extension', p, '2025-01-05')).toBe('permitServices.v.tooEarly');
    expect(await judge('itk_extension', p, '2025-01-20')).toBe('permitServices.v.tooLate');
    expect(await judge('itk_extension', p, '2025-01-21')).toBe('permitServices.v.permitEnded');
    expect(await judge('itk_extension', { ...p, extensions: 2 }, '2025-01-10')).toBe(
      'permitServices.v.tooManyExtensions',
    );
    expect(await judge('itk_extension', { ...p, status: 'converted' }, '2025-01-10')).toBe(
      'permitServices.v.permitNotActive',
    );
  });

  it('keeps the 2014 regime for its dates (4 × 30 days), and a VoA ITK once for 30 days', async () => {
    const old = permit('itk', 'visit_visa', '2020-06-10');
    expect(await judge('itk_extension', old, '2020-06-01')).toMatchObject({ stepDays: 30, maxExtensions: 4 });
    expect(await judge('itk_extension', { ...old, extensions: 3 }, '2020-06-01')).toMatchObject({ stepDays: 30 });
    const voa = permit('itk', 'voa', '2025-01-20');
    expect(await judge('itk_extension', voa, '2025-01-15')).toMatchObject({ stepDays: 30, maxExtensions: 1 });
    expect(await judge('itk_extension', { ...voa, extensions: 1 }, '2025-01-15')).toBe(
      'permitServices.v.tooManyExtensions',
    );
    expect(await judge('itk_extension', permit('itk', 'visa_free', '2025-01-20'), '2025-01-15')).toBe(
      'permitServices.v.notOffered',
    );
  });

  it('changes ITK to ITAS only from a visa, filed at least 30 days before the end; never from VoA, visa-free or crew', async () => {
    const p = permit('itk', 'visit_visa', '2025-03-31');
    expect(await judge('itk_to_itas', p, '2025-03-01')).toMatchObject({ stepDays: 365 });
    expect(await judge('itk_to_itas', p, '2025-03-02')).toBe('permitServices.v.tooLate');
    for (const basis of ['voa', 'visa_free', 'crew'] as const)
      expect(await judge('itk_to_itas', permit('itk', basis, '2025-03-31'), '2025-01-01')).toBe(
        'permitServices.v.alihStatusBasis',
      );
    expect(await judge('itk_to_itas', permit('itas', 'limited_stay_visa', '2025-03-31'), '2025-01-01')).toBe(
      'permitServices.v.notOffered',
    );
  });

  it('extends ITAS (at most 5) and ITAP from 90 days before the end; ITAS → ITAP any time before the last day', async () => {
    const itas = permit('itas', 'limited_stay_visa', '2025-12-31');
    expect(await judge('itas_extension', itas, '2025-11-15')).toMatchObject({ stepDays: 365 });
    expect(await judge('itas_extension', itas, '2025-10-01')).toBe('permitServices.v.tooEarly');
    expect(await judge('itas_extension', { ...itas, extensions: 5 }, '2025-11-15')).toBe(
      'permitServices.v.tooManyExtensions',
    );
    expect(await judge('itas_to_itap', itas, '2025-01-01')).toMatchObject({ stepDays: 1826 });
    const itap = permit('itap', 'conversion', '2025-12-31');
    expect(await judge('itap_extension', itap, '2025-10-02')).toMatchObject({ maxExtensions: null });
    expect(await judge('itap_extension', itap, '2025-10-01')).toBe('permitServices.v.tooEarly');
  });

  it('gives EPO the 7 days to leave in force (the 5-day source is kept, not in force); cancellation is free', async () => {
    const itas = permit('itas', 'limited_stay_visa', '2025-12-31');
    expect(await judge('epo', itas, '2025-12-31')).toMatchObject({ stepDays: 7, inForce: true });
    expect(await judge('epo', permit('itk', 'visit_visa', '2025-12-31'), '2025-06-01')).toBe(
      'permitServices.v.notOffered',
    );
    const cancel = await findServiceRule(ctx.db, 'cancellation', itas, '2025-06-01');
    expect(await feeFor(ctx.db, cancel!, '2025-06-01')).toEqual({ amount: 0, regulation: null });
  });

  it('prices each service from the tariff in force on the day of filing', async () => {
    const fee = async (service: PermitService, p: StayPermit, on: string) =>
      feeFor(ctx.db, (await findServiceRule(ctx.db, service, p, on))!, on);
    const visit = permit('itk', 'visit_visa', '2030-01-01');
    expect(await fee('itk_extension', visit, '2025-01-10')).toEqual({ amount: 1_000_000, regulation: 'PP 45/2024' });
    expect(await fee('itk_extension', visit, '2024-12-16')).toEqual({
      amount: 2_000_000,
      regulation: 'PMK 9/PMK.02/2022',
    });
    expect(await fee('itk_extension', visit, '2020-06-01')).toEqual({ amount: 500_000, regulation: 'PP 28/2019' });
    expect(await fee('itk_extension', permit('itk', 'voa', '2030-01-01'), '2025-01-10')).toEqual({
      amount: 500_000,
      regulation: 'PP 45/2024',
    });
    const itas = permit('itas', 'limited_stay_visa', '2030-01-01');
    expect((await fee('itas_extension', itas, '2025-01-10')).amount).toBe(1_500_000);
    expect((await fee('itas_to_itap', itas, '2025-01-10')).amount).toBe(5_000_000);
    expect((await fee('epo', itas, '2025-01-10')).amount).toBe(500_000);
  });
});

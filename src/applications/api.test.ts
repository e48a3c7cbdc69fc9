import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeCitizen, makeNik, makeOfficer, makeUnit } from '../../test/factories.ts';
import { createApiToken } from '../accounts/api-tokens.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import { auditLog } from '../platform/audit/schema.ts';
import { applicationActions, applications } from './schema.ts';

const valid = (nik: string) => ({
  unitCode: 'KANIM-KUPANG',
  nik,
  fullName: 'Maria Goreti Bria',
  birthPlace: 'Atambua',
  birthDate: '1990-07-05',
  sex: 'F',
  maritalStatus: 'married',
  address: 'Jl. Timor Raya 12, Oesapa',
  villageCode: null,
  phone: '0812 3456 7890',
  email: 'maria@example.org',
  kind: 'first',
  oldPassportNumber: null,
  passportType: 'elektronik',
  validityYears: 10,
  speed: 'percepatan',
  purpose: 'family',
  pmiRecommendationNumber: null,
});

describeApp('applications API', (ctx) => {
  const tokenFor = async (accountId: string) =>
    (await ctx.db.transaction((tx) => createApiToken(tx, systemCaller('test'), accountId, 'test'))).token;
  const post = (token: string | null, payload: object, lang = 'id') =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'accept-language': lang },
      payload,
    });

  it('submits an application with the itemised PP 45/2024 fee and a tracking code', async () => {
    const citizen = await makeCitizen(ctx.db);
    const res = await post(await tokenFor(citizen.id), valid(makeNik('1990-07-05', 'F')));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.trackingCode).toMatch(/^SK[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(body.status).toBe('submitted');
    expect(body.fee).toEqual({
      total: 1_950_000,
      currency: 'IDR',
      items: [
        { item: 'elektronik_10y', amount: 950_000 },
        { item: 'percepatan', amount: 1_000_000 },
      ],
      regulation: 'PP 45/2024',
    });
  });

  it('keeps one open application per person and passport type, from any account, even when two race', async () => {
    const nik = makeNik('1990-07-05', 'F');
    const mine = await tokenFor((await makeCitizen(ctx.db)).id);
    const theirs = await tokenFor((await makeCitizen(ctx.db)).id);
    expect((await post(mine, valid(nik))).statusCode).toBe(201);
    // The applicant is told to continue or withdraw theirs; anyone else, to see the office.
    const again = await post(mine, valid(nik));
    expect(again.statusCode).toBe(422);
    expect(again.json().error.fields).toEqual({
      nik: 'Anda sudah punya permohonan paspor jenis ini untuk orang ini yang sedang berjalan. Lanjutkan permohonan itu, atau tarik dulu di halamannya.',
    });
    const elsewhere = await post(theirs, valid(nik), 'en');
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json().error.fields.nik).toMatch(
      /^An application for this NIK and this type of passport is already under way\. If you did not make it, come to the immigration office/,
    );
    // Another type is another application; once the first has ended, the person may apply again.
    expect((await post(mine, { ...valid(nik), passportType: 'biasa' })).statusCode).toBe(201);
    await ctx.db
      .update(applications)
      .set({ status: 'handed_over' })
      .where(and(eq(applications.nik, nik), eq(applications.passportType, 'elektronik')));
    expect((await post(theirs, valid(nik))).statusCode).toBe(201);

    const racer = makeNik('1991-03-04', 'F');
    const raced = await Promise.all(
      [mine, theirs, mine].map((token) => post(token, { ...valid(racer), birthDate: '1991-03-04' })),
    );
    expect(raced.map((r) => r.statusCode).sort()).toEqual([201, 422, 422]);
    expect(await ctx.db.$count(applications, eq(applications.nik, racer))).toBe(1);
  });

  it('lets the applicant withdraw a submitted application without a booking, so the person may apply again', async () => {
    const nik = makeNik('1987-02-03', 'M');
    const owner = await makeCitizen(ctx.db);
    const mine = await tokenFor(owner.id);
    const theirs = await tokenFor((await makeCitizen(ctx.db)).id);
    const withdraw = (token: string, id: string) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/v1/applications/${id}/withdraw`,
        headers: { authorization: `Bearer ${token}` },
      });
    const { id } = (await post(mine, { ...valid(nik), birthDate: '1987-02-03', sex: 'M' })).json();

    expect((await withdraw(theirs, id)).statusCode).toBe(403);
    const withdrawn = await withdraw(mine, id);
    expect(withdrawn.statusCode, withdrawn.body).toBe(204);
    const [row] = await ctx.db.select().from(applications).where(eq(applications.id, id));
    expect(row!.status).toBe('cancelled');
    expect(
      (await ctx.db.select().from(applicationActions).where(eq(applicationActions.applicationId, id))).map(
        (a) => a.type,
      ),
    ).toContain('withdrawn');
    expect(
      await ctx.db.$count(auditLog, and(eq(auditLog.action, 'application.withdraw'), eq(auditLog.targetId, id))),
    ).toBe(1);
    // Once only; and the person may apply again, from any account.
    expect((await withdraw(mine, id)).statusCode).toBe(409);
    expect((await post(theirs, { ...valid(nik), birthDate: '1987-02-03', sex: 'M' })).statusCode).toBe(201);

    // A booked application is cancelled on its booking first.
    const booked = (
      await post(mine, { ...valid(nik), birthDate: '1987-02-03', sex: 'M', passportType: 'biasa' })
    ).json();
    await ctx.db.update(applications).set({ status: 'booked' }).where(eq(applications.id, booked.id));
    const refused = await withdraw(mine, booked.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('already_booked');
  });

  it('refuses each bad field with a message in the caller language and stores nothing', async () => {
    const citizen = await makeCitizen(ctx.db);
    const token = await tokenFor(citizen.id);
    const nik = makeNik('1990-07-05', 'F');
    const cases: [Record<string, unknown>, string][] = [
      [{ nik: '12345' }, 'nik'],
      [{ nik: '5399014507900003' }, 'nik'],
      [{ birthDate: '1990-07-06' }, 'birthDate'],
      [{ birthDate: '1990-02-30' }, 'birthDate'],
      [{ sex: 'M' }, 'sex'],
      [{ sex: 'X' }, 'sex'],
      [{ fullName: '' }, 'fullName'],
      [{ fullName: 'x'.repeat(121) }, 'fullName'],
      [{ phone: 'call me' }, 'phone'],
      [{ email: 'maria@' }, 'email'],
      [{ kind: 'replacement' }, 'oldPassportNumber'],
      [{ oldPassportNumber: 'A1' }, 'oldPassportNumber'],
      [{ passportType: 'diplomatic' }, 'passportType'],
      [{ validityYears: 7 }, 'validityYears'],
      [{ purpose: 'work' }, 'pmiRecommendationNumber'],
      [{ unitCode: 'PLBN-MOTAAIN' }, 'unitCode'],
      [{ unitCode: 'NOPE' }, 'unitCode'],
      [{ villageCode: '53.71' }, 'villageCode'],
    ];
    for (const [change, field] of cases) {
      const res = await post(token, { ...valid(nik), ...change });
      expect(res.statusCode, JSON.stringify(change)).toBe(422);
      expect(res.json().error.code).toBe('validation_failed');
      expect(Object.keys(res.json().error.fields), JSON.stringify(change)).toContain(field);
    }
    const english = await post(token, { ...valid(nik), birthDate: '1990-07-06' }, 'en');
    expect(english.json().error.fields.birthDate).toBe('The birth date does not match the NIK.');
    expect(await ctx.db.select().from(applications).where(eq(applications.accountId, citizen.id))).toHaveLength(0);
  });

  it('gives 10-year passports only to applicants who are 17 or older, or married', async () => {
    const citizen = await makeCitizen(ctx.db);
    const token = await tokenFor(citizen.id);
    const birthDate = `${new Date().getUTCFullYear() - 15}-03-10`;
    const teen = { ...valid(makeNik(birthDate, 'F')), birthDate, maritalStatus: 'single' };
    expect((await post(token, teen)).json().error.fields.validityYears).toBe(
      'Masa berlaku 10 tahun hanya untuk pemohon berusia 17 tahun ke atas atau sudah menikah.',
    );
    const fiveYears = await post(token, { ...teen, validityYears: 5, passportType: 'biasa', speed: 'reguler' });
    expect(fiveYears.statusCode).toBe(201);
    expect(fiveYears.json().fee.total).toBe(350_000);
  });

  it('lets an account apply for at most five people', async () => {
    const citizen = await makeCitizen(ctx.db);
    const token = await tokenFor(citizen.id);
    for (let i = 0; i < 5; i++) expect((await post(token, valid(makeNik('1990-07-05', 'F')))).statusCode).toBe(201);
    const sixth = await post(token, valid(makeNik('1990-07-05', 'F')));
    expect(sixth.statusCode).toBe(422);
    expect(sixth.json().error.fields.nik).toBe('Satu akun dapat mengajukan untuk paling banyak 5 orang.');
  });

  it('is for signed-in citizens only', async () => {
    expect((await post(null, valid(makeNik()))).statusCode).toBe(401);
    const officer = await makeOfficer(ctx.db);
    expect((await post(await tokenFor(officer.id), valid(makeNik()))).statusCode).toBe(403);
  });

  it('tracks by code and birth date, answering an unknown code and a wrong birth date alike', async () => {
    const citizen = await makeCitizen(ctx.db);
    const unit = await makeUnit(ctx.db);
    const created = (
      await post(await tokenFor(citizen.id), { ...valid(makeNik('1990-07-05', 'F')), unitCode: unit.code })
    ).json();
    const found = await ctx.app.inject({
      url: `/api/v1/track?code=${created.trackingCode.toLowerCase()}&birthDate=1990-07-05`,
    });
    expect(found.json()).toEqual({
      trackingCode: created.trackingCode,
      status: 'submitted',
      unitCode: unit.code,
      appointmentDate: null,
    });
    const wrongBirth = await ctx.app.inject({ url: `/api/v1/track?code=${created.trackingCode}&birthDate=1990-07-06` });
    const unknown = await ctx.app.inject({ url: '/api/v1/track?code=SK0000000000&birthDate=1990-07-05' });
    expect(wrongBirth.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(wrongBirth.body).toBe(unknown.body);
  });
});

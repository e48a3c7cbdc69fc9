import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { birthDatesFrom, makeUnit } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { makeAdoptedVillage } from '../adopted-villages/test-support.ts';
import { crossingDailyCounts } from '../border/schema.ts';
import { makeDetainee, officerCaller } from '../detention/test-support.ts';
import { makeForeigner } from '../foreigners/test-support.ts';
import { makeLodging, makeStay } from '../lodgings/oversight-test-support.ts';
import { scanOverstays } from '../overstays/scan-overstays.ts';
import { makeStayPermit } from '../overstays/test-support.ts';
import { issuanceHistory } from '../passports/schema.ts';
import { witaInstant } from '../platform/calendar/wita.ts';
import { csvText } from '../platform/http/csv.ts';
import { surveyResponses } from '../surveys/schema.ts';
import { foreignerFigures } from '../transparency/foreigner-figures.ts';
import { oversightFigures } from '../transparency/oversight-figures.ts';
import { SMALL_COUNT } from '../transparency/small-counts.ts';
import { officeFigures } from '../transparency/transparency-report.ts';
import { makeTip } from '../village-tips/test-support.ts';
import { datasets, type Column, type Dataset, type Row } from './datasets.ts';

/** Birth dates from 1937 on, one per person, where no other test puts people. */
const born = birthDatesFrom(1937);
const YEAR = 2025;

type Ikm = { respondents: number | null; ikm: number | null; converted: number | null; category: string | null };
type TransparencyBody = {
  region: { unitCode: string; ikm: Ikm };
  units: { unitCode: string; ikm: Ikm }[];
  foreigners: {
    lodgingReports: { unitCode: string; month: string; reports: number | null; late: number | null }[];
    overstays: { unitCode: string; overstays: number | null; paid: number | null; proposed: number | null }[];
  };
  oversight: { section: string; unitCode: string; count: number }[];
};
type DatasetBody = { dataset: string; year: number; columns: { name: string; type: string }[]; rows: Row[] };

/** A value fits its column: the dictionary's type, and null only where the column may be empty. */
function fits(column: Column, value: unknown): boolean {
  if (value === null) return column.nullable === true;
  switch (column.type) {
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'month':
      return typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
    default:
      return typeof value === 'string';
  }
}

/** The cells a small-count rule guards: counts of people in the rows the dataset applies it to. */
const guarded = (dataset: Dataset, rows: Row[]) =>
  rows
    .filter((r) => !dataset.appliesTo || dataset.appliesTo(r))
    .flatMap((r) => dataset.columns.filter((c) => c.people).map((c) => r[c.name]));

describeApp(
  'open data',
  (ctx) => {
    const json = async (url: string) => {
      const res = await ctx.app.inject({ url });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      return res.json<DatasetBody>();
    };

    /** One person (or two) in every dataset that counts people, at units of this test's own. */
    async function singlePeople() {
      const office = (await makeUnit(ctx.db)).code;
      const many = await Promise.all(
        [0, 1, 2].map(() => makeForeigner(ctx.db, { nationality: 'AUS', birthDate: born() })),
      );
      const lone = await makeForeigner(ctx.db, { nationality: 'NZL', issuingState: 'NZL', birthDate: born() });
      for (const p of many)
        await makeStayPermit(ctx.db, {
          foreignerId: p.id,
          entryDate: '2025-02-03',
          validUntil: '2025-04-03',
          unitCode: office,
        });
      await makeStayPermit(ctx.db, {
        foreignerId: lone.id,
        entryDate: '2025-02-10',
        validUntil: '2025-03-10',
        unitCode: office,
      });
      const lodging = await makeLodging(ctx.db, { unitCode: office });
      // January: one guest; March: three, one of them reported late.
      for (const [at, late] of [
        ['2025-01-20T10:00:00+08:00', false],
        ['2025-03-02T10:00:00+08:00', false],
        ['2025-03-03T10:00:00+08:00', false],
        ['2025-03-04T10:00:00+08:00', true],
      ] as const)
        await makeStay(ctx.db, lodging, { foreignerId: many[0]!.id, checkInAt: new Date(at), late });
      await ctx.db.transaction((tx) => scanOverstays(tx, '2025-03-15', witaInstant('2025-03-15')));

      const rudenim = (await makeUnit(ctx.db, { kind: 'rudenim', services: ['detention'] })).code;
      const keeper = await officerCaller(ctx.db, 'oversight_officer', rudenim);
      await makeDetainee(
        ctx.db,
        keeper,
        { unitCode: rudenim, authorityUnitCode: rudenim, placedOn: '2025-03-01', handedOn: '2025-03-01' },
        { nationality: 'BGD', issuingState: 'BGD', birthDate: born() },
      );

      const scores = Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => [`u${i}`, 3]));
      // One respondent at Atambua, four at Maumere: the region's five would give Atambua's answers back beside Maumere's.
      await ctx.db.insert(surveyResponses).values(
        ['KANIM-ATAMBUA', ...Array<string>(4).fill('KANIM-MAUMERE')].map((unitCode) => ({
          unitCode,
          service: 'passport' as const,
          source: 'paper' as const,
          answeredAt: new Date('2025-06-02T02:00:00Z'),
          ...scores,
        })) as (typeof surveyResponses.$inferInsert)[],
      );

      const village = (await makeAdoptedVillage(ctx.db, { unitCode: office, adoptedOn: '2025-01-01' })).villageCode;
      await makeTip(ctx.db, { villageCode: village }, undefined, witaInstant('2025-05-10', '10:00'));

      await ctx.db.insert(issuanceHistory).values({ unitCode: office, month: '2025-04-01', type: 'biasa', count: 1 });
      await ctx.db.insert(crossingDailyCounts).values({
        day: '2025-04-02',
        pointCode: `T-${office}`,
        direction: 'arrival',
        travellerKind: 'foreigner',
        documentKind: 'plb',
        count: 1,
      });
      return { office, rudenim };
    }

    it('publishes no count of one or two people where the rule applies, in any dataset, though the sources hold them', async () => {
      const { office, rudenim } = await singlePeople();

      // The sources count the single people (so the rule below has something to hold back).
      const range = { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` };
      const raw = await foreignerFigures(ctx.db, range);
      expect(raw.permits).toContainEqual({
        unitCode: office,
        month: '2025-02',
        type: 'itk',
        nationality: 'OTHER',
        count: 1,
      });
      expect(raw.lodgingReports).toContainEqual({ unitCode: office, month: '2025-01', reports: 1, late: 0 });
      expect(raw.overstays.filter((r) => r.unitCode === office)).toEqual([
        { unitCode: office, month: '2025-03', overstays: 1, paid: 0, proposed: 0 },
      ]);
      expect(
        (await oversightFigures(ctx.db, YEAR)).filter((r) => r.unitCode === rudenim).map((r) => r.count),
      ).toContain(1);
      const atambua = (await officeFigures(ctx.db, YEAR)).units.find((u) => u.unitCode === 'KANIM-ATAMBUA')!;
      expect(atambua.ikm.respondents).toBeGreaterThan(0);

      for (const dataset of datasets) {
        const body = await json(`/data/${dataset.id}.json?year=${YEAR}`);
        const small = guarded(dataset, body.rows).filter((v) => typeof v === 'number' && v > 0 && v < SMALL_COUNT);
        expect(small, dataset.id).toEqual([]);
      }

      const mine = async (id: string, unit: string) => (await json(`/data/${id}.json?year=${YEAR}&unit=${unit}`)).rows;
      expect(await mine('izin-tinggal', office)).toEqual([
        { month: '2025-02', unit_code: office, permit_type: 'itk', nationality: 'AUS', count: 3 },
      ]);
      // March keeps its three reports and leaves the one late report empty; January's single guest is left out.
      expect(await mine('laporan-orang-asing', office)).toEqual([
        { month: '2025-03', unit_code: office, reports: 3, late: null },
      ]);
      expect(await mine('overstay', office)).toEqual([]);
      expect(await mine('pengawasan', rudenim)).toEqual([]);
      expect((await mine('desa-binaan', office)).filter((r) => r.section === 'tips')).toEqual([]);
      const ikm = (await json(`/data/ikm.json?year=${YEAR}`)).rows;
      expect(ikm.map((r) => r.unit_code)).not.toContain('KANIM-ATAMBUA');
      expect(ikm.map((r) => r.unit_code)).not.toContain('KANIM-MAUMERE');
      expect(ikm.find((r) => r.unit_code === 'KANWIL-NTT')?.respondents).toBeGreaterThanOrEqual(5);
      // Where the rule does not apply, a count of one stays: a passport issued, a crossing.
      expect(await mine('paspor-terbit', office)).toEqual([
        expect.objectContaining({ month: '2025-04', unit_code: office, biasa: 1, total: 1 }),
      ]);
      expect((await json(`/data/lintas-batas.json?year=${YEAR}`)).rows).toContainEqual(
        expect.objectContaining({ point_code: `T-${office}`, count: 1 }),
      );
    });

    it('serves the same protected figures on the transparency page’s CSVs and its API as in the open data', async () => {
      const { office, rudenim } = await singlePeople();
      const isSmall = (v: unknown) => {
        const n = typeof v === 'string' && v !== '' ? Number(v) : v;
        return typeof n === 'number' && n > 0 && n < SMALL_COUNT;
      };

      const res = await ctx.app.inject({ url: `/api/v1/transparency?year=${YEAR}` });
      expect(res.statusCode, res.body).toBe(200);
      const api = res.json<TransparencyBody>();
      expect(api.foreigners.lodgingReports.filter((r) => r.unitCode === office)).toEqual([
        { unitCode: office, month: '2025-03', reports: 3, late: null },
      ]);
      expect(api.foreigners.overstays.filter((r) => r.unitCode === office)).toEqual([]);
      expect(api.oversight.filter((r) => r.unitCode === rudenim)).toEqual([]);
      const empty = { respondents: null, ikm: null, converted: null, category: null };
      for (const code of ['KANIM-ATAMBUA', 'KANIM-MAUMERE'])
        expect(api.units.find((u) => u.unitCode === code)?.ikm, code).toEqual(empty);
      expect(api.region.ikm.respondents).toBeGreaterThanOrEqual(5);
      const apiCounts = [
        ...api.foreigners.lodgingReports.flatMap((r) => [r.reports, r.late]),
        ...api.foreigners.overstays.flatMap((r) => [r.overstays, r.paid, r.proposed]),
        ...api.oversight.filter((r) => r.section !== 'operations').map((r) => r.count),
        ...[api.region, ...api.units].map((u) => u.ikm.respondents),
      ];
      expect(apiCounts.filter(isSmall)).toEqual([]);

      const csv = async (url: string) => {
        const r = await ctx.app.inject({ url: `${url}?year=${YEAR}` });
        expect(r.statusCode, url).toBe(200);
        return r.body.split('\r\n').filter(Boolean);
      };
      // ikm_converted, ikm_category, ikm_respondents are the 6th to 4th cells from the end (no commas there).
      const offices = (await csv('/transparansi.csv')).slice(1).map((l) => l.split(',').slice(-6, -3));
      expect(offices.flat().filter(isSmall)).toEqual([]);
      const atambua = (await csv('/transparansi.csv')).find((l) => l.startsWith(`${YEAR},KANIM-ATAMBUA,`))!;
      expect(atambua.split(',').slice(-6, -3)).toEqual(['', '', '']);

      const foreigners = (await csv('/transparansi/orang-asing.csv')).map((l) => l.split(','));
      expect(foreigners.filter((c) => c[2] === office && c[0] !== 'stay_permits').map((c) => c.join(','))).toEqual([
        `lodging_reports,2025-03,${office},,,3,,,`,
      ]);
      expect(
        foreigners
          .filter((c) => c[0] !== 'stay_permits')
          .flatMap((c) => c.slice(5))
          .filter(isSmall),
      ).toEqual([]);

      const oversight = (await csv('/transparansi/pengawasan.csv')).map((l) => l.split(','));
      expect(
        oversight
          .filter((c) => c[0] !== 'operations')
          .map((c) => c[5])
          .filter(isSmall),
      ).toEqual([]);
      expect(oversight.filter((c) => c[2] === rudenim)).toEqual([]);
    });

    it('gives every dataset’s CSV and JSON the columns of its dictionary, with values of their types', async () => {
      await singlePeople();
      for (const dataset of datasets) {
        const names = dataset.columns.map((c) => c.name);
        const body = await json(`/data/${dataset.id}.json?year=${YEAR}`);
        expect(body.dataset).toBe(dataset.id);
        expect(body.year).toBe(YEAR);
        expect(body.columns.map((c) => c.name)).toEqual(names);
        for (const row of body.rows) {
          expect(Object.keys(row), dataset.id).toEqual(names);
          for (const column of dataset.columns)
            expect(fits(column, row[column.name]), `${dataset.id}.${column.name}: ${String(row[column.name])}`).toBe(
              true,
            );
        }
        const csv = await ctx.app.inject({ url: `/data/${dataset.id}.csv?year=${YEAR}` });
        expect(csv.statusCode).toBe(200);
        expect(csv.headers['content-type']).toContain('text/csv');
        // A past year: cached for a day from when its figures were counted (just now, in tests).
        expect(Number(/^public, max-age=(\d+)$/.exec(String(csv.headers['cache-control']))?.[1])).toBeGreaterThan(
          86_000,
        );
        expect(csv.body.split('\r\n')[0]).toBe(names.join(','));
        expect(csv.body).toBe(
          csvText(
            names,
            body.rows.map((r) => names.map((n) => r[n] ?? null)),
          ),
        );
      }
      const rows = (id: string) => json(`/data/${id}.json?year=${YEAR}`).then((b) => b.rows.length);
      for (const id of ['paspor-terbit', 'pengaduan', 'izin-tinggal', 'lintas-batas'])
        expect(await rows(id), id).toBeGreaterThan(0);
    });

    it('lists every dataset in the catalogue with its CSV and JSON distributions', async () => {
      const res = await ctx.app.inject({ url: '/data/catalog.json' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toMatch(/^public/);
      const catalog = res.json<{
        license: string;
        datasets: {
          id: string;
          description: { id: string; en: string };
          distributions: { mediaType: string; accessURL: string }[];
        }[];
      }>();
      expect(catalog.license).toContain('creativecommons.org');
      expect(catalog.datasets.map((d) => d.id)).toEqual(datasets.map((d) => d.id));
      for (const d of catalog.datasets) {
        expect(d.description.id).not.toBe(d.description.en);
        expect(d.distributions.map((x) => [x.mediaType, new URL(x.accessURL).pathname])).toEqual([
          ['text/csv', `/data/${d.id}.csv`],
          ['application/json', `/data/${d.id}.json`],
        ]);
      }
    });

    it('refuses an unknown dataset with 404 and a bad year or unit with 400 and a clear message', async () => {
      for (const url of ['/data/nope.json', '/data/nope.csv', '/data/nope'])
        expect((await ctx.app.inject({ url })).statusCode, url).toBe(404);
      expect((await ctx.app.inject({ url: '/data/nope.json' })).json()).toMatchObject({ error: { code: 'not_found' } });
      for (const year of ['abc', '1999', '2999', '2025.5', '-1', '20250']) {
        const res = await ctx.app.inject({ url: `/data/ikm.json?year=${year}`, headers: { cookie: 'lang=en' } });
        expect(res.statusCode, year).toBe(400);
        expect(res.json()).toMatchObject({
          error: {
            code: 'validation_failed',
            fields: { year: expect.stringMatching(/^The year must be a number from 2024 to \d{4}\.$/) },
          },
        });
      }
      const csv = await ctx.app.inject({ url: '/data/overstay.csv?year=x' });
      expect(csv.statusCode).toBe(400);
      expect(csv.body).toMatch(/^Tahun harus angka antara 2024 dan \d{4}\.\n$/);
      const unit = await ctx.app.inject({ url: '/data/overstay.json?unit=NO-SUCH-UNIT' });
      expect(unit.statusCode).toBe(400);
      expect(unit.json().error.fields).toEqual({ unit: 'Kode unit tidak dikenal.' });
      const noUnits = await ctx.app.inject({ url: '/data/lintas-batas.json?unit=KANIM-KUPANG' });
      expect(noUnits.statusCode).toBe(400);
      expect(noUnits.json().error.message).toBe('Dataset ini tidak dihitung per unit; hapus parameter unit.');
    });

    it('shows the index and each dataset’s dictionary in Indonesian and in English, linked from the transparency page', async () => {
      const browser = new Browser(ctx.app);
      const index = await browser.get('/data');
      expect(index.statusCode).toBe(200);
      expect(index.body).toContain('Data terbuka Imigrasi NTT');
      expect(index.body).not.toContain('<script');
      for (const d of datasets) expect(index.body).toContain(`href="/data/${d.id}"`);
      const page = await browser.get('/data/laporan-orang-asing');
      expect(page.body).toContain('Laporan orang asing oleh penginapan');
      expect(page.body).toContain('<code>late</code>');
      expect(page.body).toContain('hitungan 1 atau 2 dikosongkan');
      expect(page.body).toContain(`href="/data/laporan-orang-asing.csv?year=${YEAR}"`);
      expect((await browser.get('/transparansi')).body).toContain('href="/data"');

      await browser.get('/lang/en?next=/data');
      expect((await browser.get('/data')).body).toContain('Open data of Immigration in NTT');
      const en = await browser.get('/data/ikm');
      expect(en.body).toContain('Public Satisfaction Index (IKM)');
      expect(en.body).toContain('an office with 1 or 2 respondents is not published');
      expect(en.body).toContain('href="/data"');
    });
  },
  // Region-wide figures of a past year: another file's writes between the JSON and the CSV request would differ.
  {},
  { ownDatabase: true },
);

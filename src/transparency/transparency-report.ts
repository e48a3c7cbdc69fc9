import { countCrossingsByMonth, type MonthlyCrossingCount } from '../border/count-crossings.ts';
import { witaDate, type IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { countIssuedPassports, type IssuedStats } from '../statistics/count-issued-passports.ts';
import { computeIkm, publishedIkm } from '../surveys/compute-ikm.ts';
import { listUnits } from '../units/list-units.ts';
import { organisation } from '../units/organisation.ts';
import { unitScope } from '../units/scope.ts';
import { complaintFigures, type ComplaintFigures } from './complaint-figures.ts';
import { desaBinaanFigures, type DesaBinaanRow } from './desa-binaan-figures.ts';
import { foreignerFigures } from './foreigner-figures.ts';
import { oversightFigures, type OversightRow } from './oversight-figures.ts';
import {
  protectDesaBinaan,
  protectForeigners,
  protectIkm,
  protectOversight,
  type ProtectedForeignerFigures,
  type OfficeIkm,
  type PublishedIkm,
} from './protect-report.ts';

export const REGION = 'KANWIL-NTT';

type OfficeReport<I> = {
  unitCode: string;
  unitName: string;
  complaints: ComplaintFigures;
  ikm: I;
  passports: { biasa: number; elektronik: number; total: number };
};
/** An office's figures as counted, before the small-count rule. */
export type CountedUnitReport = OfficeReport<OfficeIkm>;
/** As published: an IKM of too few respondents (or its complement, see complementIkm) emptied. */
export type UnitReport = OfficeReport<PublishedIkm>;
export type TransparencyReport = {
  year: number;
  from: IsoDate;
  to: IsoDate;
  region: UnitReport;
  units: UnitReport[];
  /** Lodging reports and overstays with the small-count rule applied (protect-report.ts). */
  foreigners: ProtectedForeignerFigures;
  /** Crossings that happened per month, point, direction, citizen/foreigner and document: counts only. */
  crossings: MonthlyCrossingCount[];
  /** Joint operations, administrative action, deportations, detention and refugees: counts only, rows of one or two
   * people left out. */
  oversight: OversightRow[];
  /** Desa Binaan: villages, activities, people reached, tips and interview deferrals per office and regency. */
  desaBinaan: DesaBinaanRow[];
  /** Passports issued per month and unit, by type (the open data's `paspor-terbit`). */
  passportsByMonth: IssuedStats['rows'];
};

/**
 * Complaints, the satisfaction index and passports issued in a year for the region and for each Kantor Imigrasi (with
 * the posts below it): the per-office part of the open figures.
 */
export async function officeFigures(
  db: Executor,
  year: number,
  now = new Date(),
): Promise<{ region: CountedUnitReport; units: CountedUnitReport[] }> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const today = witaDate(now);
  // The region's own offices (seed data), with the names as the admins keep them.
  const codes = new Set(organisation.filter((u) => u.kind === 'kanwil' || u.kind === 'kanim').map((u) => u.code));
  const offices = (await listUnits(db)).filter((u) => codes.has(u.code));
  const reports = await Promise.all(
    offices.map(async (unit): Promise<CountedUnitReport> => {
      const scope = await unitScope(db, unit.code);
      const [complaints, ikm, passports] = await Promise.all([
        complaintFigures(db, { unitCodes: scope, from, to, today, withWhistleblowing: unit.code === REGION }),
        computeIkm(db, { unitCodes: scope, from, to }),
        countIssuedPassports(db, { from: `${year}-01`, to: `${year}-12`, unit: unit.code }),
      ]);
      const published = publishedIkm(ikm);
      return {
        unitCode: unit.code,
        unitName: unit.name,
        complaints,
        ikm: {
          respondents: published.respondents,
          ikm: published.ikm,
          converted: published.converted,
          category: published.category,
        },
        passports: { biasa: passports.biasa, elektronik: passports.elektronik, total: passports.total },
      };
    }),
  );
  return { region: reports.find((r) => r.unitCode === REGION)!, units: reports.filter((r) => r.unitCode !== REGION) };
}

/**
 * The public figures for a year: the offices' figures (officeFigures); and, per unit and month, stay permits, lodging
 * reports and overstays; per point and month, border crossings; the oversight figures (operations, administrative
 * action, deportations, detention, refugees); Desa Binaan's figures. The small-count rule is applied here, once, so
 * every outlet of the report (page, CSVs, API, open data) serves the same protected figures.
 */
export async function transparencyReport(db: Executor, year: number, now = new Date()): Promise<TransparencyReport> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const { region, units } = await officeFigures(db, year, now);
  const foreigners = await foreignerFigures(db, { from, to });
  const crossings = await countCrossingsByMonth(db, { from, to });
  const oversight = await oversightFigures(db, year, now);
  const desaBinaan = await desaBinaanFigures(db, { from, to }, witaDate(now));
  const passportsByMonth = (await countIssuedPassports(db, { from: `${year}-01`, to: `${year}-12` })).rows;
  return {
    year,
    from,
    to,
    region: protectIkm([region])[0]!,
    units: protectIkm(units),
    foreigners: protectForeigners(foreigners),
    crossings,
    oversight: protectOversight(oversight),
    desaBinaan: protectDesaBinaan(desaBinaan),
    passportsByMonth,
  };
}

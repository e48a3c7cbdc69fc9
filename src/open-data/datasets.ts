import type { TransparencyReport } from '../transparency/transparency-report.ts';

export type Cell = string | number | null;
export type Row = Record<string, Cell>;

/** `code`: a machine-readable code (unit, nationality, section…); `month`: YYYY-MM. */
export const columnTypes = ['string', 'code', 'month', 'integer', 'number'] as const;
export type ColumnType = (typeof columnTypes)[number];
/** What a count counts; named in both languages by `openData.units.<unit>`. */
export type ColumnUnit = 'people' | 'passports' | 'complaints' | 'days' | 'score' | 'crossings' | 'items';

/**
 * A column of the dictionary; its description is `openData.columns.<dataset>.<name>` in both languages. `people`:
 * the column counts people, so the small-count rule (transparency's protect-report.ts, applied when the report is
 * built) applies to it in the rows `appliesTo` selects.
 */
export type Column = { name: string; type: ColumnType; unit?: ColumnUnit; nullable?: boolean; people?: boolean };

export const sources = [
  'statistics',
  'transparency',
  'surveys',
  'border',
  'stay-permits',
  'lodgings',
  'overstays',
] as const;
export type Frequency = 'daily' | 'monthly';

/**
 * One published dataset: its stable id (the URLs' name, never renamed), the feature its figures come from, how often
 * they change, its columns and the query producing its rows for a year. Titles, descriptions and the small-count
 * rule as applied to it are `openData.datasets.<id>.*` in both languages.
 */
export type Dataset = {
  id: string;
  source: (typeof sources)[number];
  frequency: Frequency;
  columns: Column[];
  /** Rows in which the small-count rule applies to the `people` columns; every row when left out. */
  appliesTo?: (row: Row) => boolean;
  /** Its rows, from the year's published transparency report (so never older than the report, never slower). */
  rows: (report: TransparencyReport) => Row[];
};

const col = (name: string, type: ColumnType, more: Omit<Column, 'name' | 'type'> = {}): Column => ({
  name,
  type,
  ...more,
});
const month = col('month', 'month');
const unitCode = col('unit_code', 'code');
/** A count of people; `nullable` where the row has other counts, since a small one is then left empty. */
const people = (name: string, nullable = false): Column =>
  col(name, 'integer', { unit: 'people', people: true, nullable });

/** The registry: the order of the index page. */
export const datasets: readonly Dataset[] = [
  {
    id: 'paspor-terbit',
    source: 'statistics',
    frequency: 'daily',
    columns: [
      month,
      unitCode,
      col('unit_name', 'string'),
      col('biasa', 'integer', { unit: 'passports' }),
      col('elektronik', 'integer', { unit: 'passports' }),
      col('total', 'integer', { unit: 'passports' }),
    ],
    rows: (report) =>
      report.passportsByMonth.map((r) => ({
        month: r.month,
        unit_code: r.unitCode,
        unit_name: r.unitName,
        biasa: r.biasa,
        elektronik: r.elektronik,
        total: r.total,
      })),
  },
  {
    id: 'pengaduan',
    source: 'transparency',
    frequency: 'daily',
    columns: [
      unitCode,
      col('unit_name', 'string'),
      col('received', 'integer', { unit: 'complaints' }),
      col('resolved', 'integer', { unit: 'complaints' }),
      col('overdue', 'integer', { unit: 'complaints' }),
      col('median_days_to_first_answer', 'number', { unit: 'days', nullable: true }),
      col('whistleblowing', 'integer', { unit: 'complaints', nullable: true }),
    ],
    rows: ({ region, units }) => {
      return [...units, region].map((r) => ({
        unit_code: r.unitCode,
        unit_name: r.unitName,
        received: r.complaints.received,
        resolved: r.complaints.resolved,
        overdue: r.complaints.overdue,
        median_days_to_first_answer: r.complaints.medianDaysToFirstAnswer,
        // Counted region-wide only: an office's count would tell its staff someone reported one of them.
        whistleblowing: r === region ? r.complaints.whistleblowing : null,
      }));
    },
  },
  {
    id: 'ikm',
    source: 'surveys',
    frequency: 'daily',
    columns: [
      unitCode,
      col('unit_name', 'string'),
      people('respondents'),
      col('ikm', 'number', { unit: 'score', nullable: true }),
      col('converted', 'number', { unit: 'score', nullable: true }),
      col('category', 'code', { nullable: true }),
    ],
    // The report empties an IKM of too few respondents (and its complement); such rows are left out here.
    rows: ({ region, units }) =>
      [...units, region]
        .filter((r) => r.ikm.respondents !== null)
        .map((r) => ({
          unit_code: r.unitCode,
          unit_name: r.unitName,
          respondents: r.ikm.respondents,
          ikm: r.ikm.ikm === null ? null : Math.round(r.ikm.ikm * 10_000) / 10_000,
          converted: r.ikm.converted,
          category: r.ikm.category,
        })),
  },
  {
    id: 'lintas-batas',
    source: 'border',
    frequency: 'daily',
    columns: [
      month,
      col('point_code', 'code'),
      col('direction', 'code'),
      col('traveller_kind', 'code'),
      col('document_kind', 'code'),
      col('count', 'integer', { unit: 'crossings' }),
    ],
    rows: (report) =>
      report.crossings.map((r) => ({
        month: r.month,
        point_code: r.pointCode,
        direction: r.direction,
        traveller_kind: r.travellerKind,
        document_kind: r.documentKind,
        count: r.count,
      })),
  },
  {
    id: 'izin-tinggal',
    source: 'stay-permits',
    frequency: 'daily',
    columns: [month, unitCode, col('permit_type', 'code'), col('nationality', 'code'), people('count')],
    rows: (report) =>
      report.foreigners.permits.map((r) => ({
        month: r.month,
        unit_code: r.unitCode,
        permit_type: r.type,
        nationality: r.nationality,
        count: r.count,
      })),
  },
  {
    id: 'laporan-orang-asing',
    source: 'lodgings',
    frequency: 'daily',
    columns: [month, unitCode, people('reports', true), people('late', true)],
    rows: (report) =>
      report.foreigners.lodgingReports.map((r) => ({
        month: r.month,
        unit_code: r.unitCode,
        reports: r.reports,
        late: r.late,
      })),
  },
  {
    id: 'overstay',
    source: 'overstays',
    frequency: 'daily',
    columns: [month, unitCode, people('overstays', true), people('paid', true), people('proposed', true)],
    rows: (report) =>
      report.foreigners.overstays.map((r) => ({
        month: r.month,
        unit_code: r.unitCode,
        overstays: r.overstays,
        paid: r.paid,
        proposed: r.proposed,
      })),
  },
  {
    id: 'pengawasan',
    source: 'transparency',
    frequency: 'daily',
    columns: [
      col('section', 'code'),
      month,
      unitCode,
      col('category', 'code'),
      col('nationality', 'code'),
      col('count', 'integer', { unit: 'items', people: true }),
    ],
    // Operations are the office's own work; every other section counts people checked, acted on or held.
    appliesTo: (row) => row.section !== 'operations',
    rows: (report) =>
      report.oversight.map((r) => ({
        section: r.section,
        month: r.month,
        unit_code: r.unitCode,
        category: r.category,
        nationality: r.nationality,
        count: r.count,
      })),
  },
  {
    id: 'desa-binaan',
    source: 'transparency',
    frequency: 'monthly',
    columns: [
      col('section', 'code'),
      unitCode,
      col('regency_code', 'code'),
      col('category', 'code'),
      col('count', 'integer', { unit: 'items', people: true }),
    ],
    // Tips and deferrals are about people; villages, activities and people reached are the programme's own work.
    appliesTo: (row) => row.section === 'tips' || row.section === 'deferrals',
    rows: (report) =>
      report.desaBinaan.map((r) => ({
        section: r.section,
        unit_code: r.unitCode,
        regency_code: r.regencyCode,
        category: r.category,
        count: r.count,
      })),
  },
];

export const findDataset = (id: string): Dataset | undefined => datasets.find((d) => d.id === id);

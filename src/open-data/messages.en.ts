import type { openData as id } from './messages.id.ts';
import type { Messages } from '../platform/i18n/messages.ts';

// Messages of the "openData" namespace (English); messages.id.ts has the same keys.
export const openData: Messages<typeof id> = {
  link: 'Open data',
  title: 'Open data of Immigration in NTT',
  lead: 'Every public figure as CSV and JSON with stable URLs, a data dictionary and a machine-readable catalogue. Counts only: no personal data.',
  rule: 'Small-count rule: a count of people under {{min}} in a row that could point at someone (nationality, regency, small office) is added up as OTHER or not published.',
  dataset: 'Dataset',
  description: 'Description',
  frequency: 'Updated',
  downloads: 'Download ({{year}})',
  dictionary: 'Data dictionary',
  catalog: 'Catalogue (JSON, DCAT-like)',
  license: 'Licence: CC BY 4.0, naming the Regional Office of Immigration in NTT as the source.',
  urls: 'Stable URLs: /data/{id}.csv?year=YEAR and /data/{id}.json?year=YEAR (this year when left out); add &unit=CODE for one office and the units below it.',
  publisher: 'Regional Office of the Directorate General of Immigration, East Nusa Tenggara',
  source: 'Source',
  threshold: 'Small-count rule',
  byYear: 'Download by year',
  column: 'Column',
  type: 'Type',
  unit: 'Unit',
  back: 'All datasets',
  badYear: 'The year must be a number from {{from}} to {{to}}.',
  unknownUnit: 'Unknown unit code.',
  noUnits: 'This dataset is not counted per unit; leave out the unit parameter.',
  frequencies: {
    daily: 'Daily (counted when asked)',
    monthly: 'Monthly (up to the end of last month)',
  },
  sources: {
    statistics: 'Passport statistics',
    transparency: 'Service transparency',
    surveys: 'Public satisfaction survey',
    border: 'Border crossings',
    'stay-permits': 'Stay permits',
    lodgings: 'Lodgings’ reports of foreigners',
    overstays: 'Overstays',
  },
  types: {
    string: 'text',
    code: 'code',
    month: 'month (YYYY-MM)',
    integer: 'integer',
    number: 'number (dot decimals)',
  },
  units: {
    people: 'people',
    passports: 'passports',
    complaints: 'complaints',
    days: 'days',
    score: 'score',
    crossings: 'crossings',
    items: 'by section',
  },
  datasets: {
    'paspor-terbit': {
      title: 'Passports issued',
      description:
        'Passports issued per office and month, ordinary and electronic; months before Sikoe from the offices’ issuance records.',
      rule: 'Not applied: counts of documents issued, with nothing about their holders.',
    },
    pengaduan: {
      title: 'Complaints',
      description:
        'Complaints received, resolved and overdue, and the median days to a first answer, per immigration office (with the posts below it) and for the region.',
      rule: 'Not applied to counts of an office’s handling. Whistle-blowing reports are counted for the whole region only, never per office.',
    },
    ikm: {
      title: 'Public Satisfaction Index (IKM)',
      description:
        'IKM as in PermenPANRB 14/2017 per immigration office and for the region: respondents, the IKM value (1–4), the converted value (25–100) and the service quality (A–D).',
      rule: 'Applied: an office with 1 or 2 respondents is not published, since its score is that person’s own answers; the next smallest office is left out with it, so that the region’s figure cannot give that score back.',
    },
    'lintas-batas': {
      title: 'Border crossings',
      description:
        'Crossings that happened per month, checkpoint, direction, citizen/foreigner and document (passport or border pass).',
      rule: 'Not applied: counts of crossings (a person crossing twice counts twice) at border posts, without nationality; the same daily counts are already open at GET /api/v1/stats/crossings.',
    },
    'izin-tinggal': {
      title: 'Stay permits',
      description:
        'Stay permits by the month they began, office, permit type and the holder’s nationality; cancelled permits are left out.',
      rule: 'Applied: nationalities of 1 or 2 holders in one office, month and type are added up as OTHER; an OTHER still under 3 is not published.',
    },
    'laporan-orang-asing': {
      title: 'Lodgings’ reports of foreigners',
      description: 'Reports of foreign guests (one per stay) and the late ones, per office and month of check-in.',
      rule: 'Applied: counts of 1 or 2 are left empty; a row whose counts are all under 3 is not published.',
    },
    overstay: {
      title: 'Overstays',
      description:
        'Overstays per office and month of the first day over, how many were paid and how many proposed for administrative action.',
      rule: 'Applied: counts of 1 or 2 are left empty; a row whose counts are all under 3 is not published.',
    },
    pengawasan: {
      title: 'Oversight, administrative action and detention',
      description:
        'TIMPORA operations, people checked, violations, administrative decisions, deportations, detainees, detention centre occupancy and refugees, per section, month and unit.',
      rule: 'Applied to every section but operations: nationalities of 1 or 2 people are added up as OTHER, and a row still under 3 people is not published.',
    },
    'desa-binaan': {
      title: 'Desa Binaan Imigrasi',
      description:
        'Adopted villages, activities, people reached, residents’ tips and interview deferrals, per office and regency.',
      rule: 'Applied to tips and deferrals (counted up to the end of last month): regencies of 1 or 2 are added up as OTHER, and an OTHER or a row naming no village under 3 is not published. Villages, activities and people reached are the programme’s own work.',
    },
  },
  columns: {
    'paspor-terbit': {
      month: 'Month of issue',
      unit_code: 'Code of the issuing office',
      unit_name: 'Name of the office',
      biasa: 'Ordinary passports',
      elektronik: 'Electronic passports',
      total: 'Passports in all',
    },
    pengaduan: {
      unit_code: 'Office code (KANWIL-NTT: the whole region)',
      unit_name: 'Name of the office',
      received: 'Complaints received in the year',
      resolved: 'Answered, closed or passed on to whoever has authority',
      overdue: 'Overdue as of today: not verified or not answered by the deadline',
      median_days_to_first_answer: 'Median days from receipt to the first answer; empty when none was answered',
      whistleblowing: 'Whistle-blowing reports among them; the whole region only, empty for offices',
    },
    ikm: {
      unit_code: 'Office code (KANWIL-NTT: the whole region)',
      unit_name: 'Name of the office',
      respondents: 'Survey respondents',
      ikm: 'IKM value, the weighted mean of the 9 elements (1–4), four decimals; empty without respondents',
      converted: 'Converted value IKM × 25 (25–100), two decimals',
      category: 'Service quality: A very good, B good, C poor, D not good',
    },
    'lintas-batas': {
      month: 'Month of the crossing',
      point_code: 'Code of the immigration checkpoint',
      direction: 'arrival or departure',
      traveller_kind: 'citizen or foreigner',
      document_kind: 'passport or plb (border pass)',
      count: 'Crossings',
    },
    'izin-tinggal': {
      month: 'Month the permit began',
      unit_code: 'Code of the office that granted it',
      permit_type: 'Type of stay permit',
      nationality: 'ICAO nationality code; OTHER adds up those under 3',
      count: 'Stay permits (holders)',
    },
    'laporan-orang-asing': {
      month: 'Month of check-in',
      unit_code: 'Code of the office whose area holds the lodging',
      reports: 'Reports of foreign guests; empty when 1 or 2',
      late: 'Late reports among them; empty when 1 or 2',
    },
    overstay: {
      month: 'Month of the first day over',
      unit_code: 'Office code',
      overstays: 'Overstays; empty when 1 or 2',
      paid: 'Paid in full; empty when 1 or 2',
      proposed: 'Proposed for administrative action; empty when 1 or 2',
    },
    pengawasan: {
      section:
        'Section: operations, checked, violations, violations_by_nationality, decisions, deportations, detention_placed, detention_released, occupancy, occupancy_people, refugees',
      month: 'Month; for occupancy and refugees, the month of the day counted',
      unit_code: 'Unit code',
      category:
        'The section’s breakdown: violation type, Article 75(2) action, release reason, block, group of people, refugee status; empty when none',
      nationality: 'ICAO nationality code where counted by it, OTHER for those under 3; else empty',
      count: 'Count (operations for the operations section, else people)',
    },
    'desa-binaan': {
      section: 'Section: villages, activities, people_reached, tips, deferrals',
      unit_code: 'Office code',
      regency_code: 'Kemendagri regency code; empty when no village was named, OTHER adds up those under 3',
      category: 'activities: the kind; tips: <kind>:<outcome or open>; deferrals: the reason code; else empty',
      count: 'Count (villages, activities, people reached, tips or deferrals by section)',
    },
  },
};

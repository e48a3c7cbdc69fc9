// The route walk's entries for performance. The walk's officers sit at KANIM-KUPANG: its head reads and writes its
// own unit's evaluation (the walk's evaluation id is unknown, so 404), nobody there sets targets, opens or freezes (the
// Kanwil's admins and head do), and partners do not read the catalogue. The Kanwil's side and other units' heads are in
// src/performance/evaluation.test.ts.
import { Entry, anyId } from './authz-entry.ts';

const catalogueReaders = [
  'admin',
  'head_of_office',
  'counter_officer',
  'verifier',
  'adjudicator',
  'oversight_officer',
  'auditor',
] as const;
const unitHead = ['head_of_office'] as const;
const kanwilOnly = [] as const;
const evaluation = `/api/v1/evaluations/${anyId}`;
const page = `/officer/performance/evaluations/${anyId}`;
const indicator = {
  figureCode: 'passports_issued',
  measure: 'count',
  direction: 'higher',
  period: 'year',
  ziArea: 'hasil',
  nameId: 'Uji',
  nameEn: 'Test',
};
const targets = { unitCode: 'KANIM-KUPANG', year: 2031, targets: [{ indicatorCode: 'PASPOR-TERBIT', target: 100 }] };

export const performanceRoutes: Record<string, Entry> = {
  'GET /api/v1/indicators': { access: catalogueReaders },
  'PUT /api/v1/indicators/:code': {
    access: kanwilOnly,
    url: () => '/api/v1/indicators/ROUTE-WALK',
    body: () => indicator,
    mutates: true,
  },
  'GET /api/v1/indicators/targets': { access: kanwilOnly },
  'PUT /api/v1/indicators/targets': { access: kanwilOnly, body: () => targets, mutates: true },
  'GET /api/v1/evaluations': { access: unitHead },
  'POST /api/v1/evaluations': { access: kanwilOnly, body: () => ({ year: 2031, half: 1 }), mutates: true },
  'GET /api/v1/evaluations/:id': { access: unitHead, url: () => evaluation },
  'POST /api/v1/evaluations/:id/actions': {
    access: kanwilOnly,
    url: () => `${evaluation}/actions`,
    body: () => ({ step: 'freeze', requestId: 'route-walk' }),
  },
  'PUT /api/v1/evaluations/:id/units/:unitCode/notes': {
    access: unitHead,
    url: () => `${evaluation}/units/KANIM-KUPANG/notes`,
    body: () => ({ notes: 'Catatan', requestId: 'route-walk' }),
  },
  'POST /api/v1/evaluations/:id/units/:unitCode/evidence': {
    access: unitHead,
    url: () => `${evaluation}/units/KANIM-KUPANG/evidence`,
    body: () => ({ ziArea: 'hasil', title: 'Bukti', file: Buffer.from('%PDF-1.4').toString('base64') }),
  },
  'GET /officer/performance': { access: catalogueReaders },
  'GET /officer/performance/indicators/edit': { access: kanwilOnly },
  'POST /officer/performance/indicators': {
    access: kanwilOnly,
    form: () => ({ code: 'ROUTE-WALK', ...indicator, active: 'on' }),
    mutates: true,
  },
  'GET /officer/performance/targets': { access: kanwilOnly },
  'POST /officer/performance/targets': {
    access: kanwilOnly,
    form: () => ({ unitCode: 'KANIM-KUPANG', year: '2031', 'target_PASPOR-TERBIT': '100' }),
    mutates: true,
  },
  'GET /officer/performance/evaluations': { access: unitHead },
  'POST /officer/performance/evaluations': {
    access: kanwilOnly,
    form: () => ({ year: '2031', half: '1' }),
    mutates: true,
  },
  'GET /officer/performance/evaluations/:id': { access: unitHead, url: () => page },
  'POST /officer/performance/evaluations/:id/actions': {
    access: kanwilOnly,
    url: () => `${page}/actions`,
    form: () => ({ step: 'freeze' }),
  },
  'GET /officer/performance/evaluations/:id/report.pdf': { access: unitHead, url: () => `${page}/report.pdf` },
  'GET /officer/performance/evaluations/:id/report.xlsx': { access: unitHead, url: () => `${page}/report.xlsx` },
  'GET /officer/performance/evaluations/:id/units/:unitCode': {
    access: unitHead,
    url: () => `${page}/units/KANIM-KUPANG`,
  },
  'POST /officer/performance/evaluations/:id/units/:unitCode/notes': {
    access: unitHead,
    url: () => `${page}/units/KANIM-KUPANG/notes`,
    form: () => ({ notes: 'Catatan' }),
  },
  'POST /officer/performance/evaluations/:id/units/:unitCode/evidence': {
    access: unitHead,
    url: () => `${page}/units/KANIM-KUPANG/evidence`,
    form: () => ({ ziArea: 'hasil', title: 'Bukti' }),
  },
  'GET /officer/performance/evaluations/:id/evidence/:evidenceId': {
    access: unitHead,
    url: () => `${page}/evidence/${anyId}`,
  },
};

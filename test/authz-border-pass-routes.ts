// The route walk's entries for the border: crossing points and their PLB switch, Pas Lintas Batas issuing, steps,
// cards and the public check.
import { officerRoles } from '../src/platform/auth/schema.ts';
import { png } from './uploads.ts';
import { Entry, anyId, someDay } from './authz-entry.ts';

/** Staff read the crossing points; a partner does not (a point's page names who switched its PLB and why). */
const crossingPointReaders = officerRoles.filter((r) => r !== 'partner');

/** The counter issues and reads passes; the head of office also revokes them and reads the refusals. */
export const passCounter = ['head_of_office', 'counter_officer', 'verifier'] as const;

const unit = '/officer/units/KANIM-KUPANG/border-passes';
const photo = png.toString('base64');
/** A valid issuing form's text fields (the page's photos are files, which a refused officer never gets to send). */
const passForm = {
  nik: '5301130507900001',
  fullName: 'Diterbitkan Tanpa Hak',
  birthPlace: 'Oepoli',
  birthDate: '1990-07-05',
  sex: 'M',
  address: 'Dusun 1',
  villageCode: '53.01.13.2001',
  endorsementNumber: '140/1/2026',
  endorsementDate: '2026-01-02',
  channel: 'office',
};
const passBody = { ...passForm, unitCode: 'KANIM-KUPANG', photos: [photo, photo] };
const step = { step: 'report_loss', reason: 'Hilang tanpa hak' };

export const borderPassRoutes: Record<string, Entry> = {
  'GET /api/v1/crossing-points': { access: 'public' },
  'GET /officer/crossing-points': { access: crossingPointReaders },
  'GET /officer/crossing-points/:code': { access: crossingPointReaders, url: () => '/officer/crossing-points/OEPOLI' },
  // A Kantor Imigrasi's admin does not switch: only the head of the point's office or the Kanwil's admin.
  'POST /officer/crossing-points/:code/plb': {
    access: ['head_of_office'],
    url: () => '/officer/crossing-points/OEPOLI/plb',
    form: () => ({ accepts: 'no', effectiveFrom: someDay, reason: 'Diubah tanpa hak' }),
    mutates: true,
  },
  'POST /api/v1/border-passes': { access: passCounter, body: () => passBody, mutates: true },
  'GET /api/v1/border-passes/:id': { access: passCounter, url: () => `/api/v1/border-passes/${anyId}` },
  'POST /api/v1/border-passes/:id/actions': {
    access: passCounter,
    url: () => `/api/v1/border-passes/${anyId}/actions`,
    body: () => step,
    mutates: true,
  },
  'GET /officer/units/:code/border-passes': { access: passCounter, url: () => unit },
  'GET /officer/units/:code/border-passes/new': { access: passCounter, url: () => `${unit}/new` },
  'POST /officer/units/:code/border-passes/new': {
    access: passCounter,
    url: () => `${unit}/new`,
    form: () => passForm,
    mutates: true,
  },
  'GET /officer/units/:code/border-passes/refusals': { access: ['head_of_office'], url: () => `${unit}/refusals` },
  'GET /officer/units/:code/border-passes/:id': { access: passCounter, url: () => `${unit}/${anyId}` },
  'POST /officer/units/:code/border-passes/:id/actions': {
    access: passCounter,
    url: () => `${unit}/${anyId}/actions`,
    form: () => step,
    mutates: true,
  },
  'GET /officer/units/:code/border-passes/:id/card.pdf': {
    access: passCounter,
    url: () => `${unit}/${anyId}/card.pdf`,
  },
  'GET /pas-lintas-batas/periksa/:token': {
    access: 'public',
    url: () => '/pas-lintas-batas/periksa/AAAAAAAAAAAAAAAAAAAAAAAA',
  },
};

// The route walk's entries for a citizen's own applications and bookings.
import { Entry, anyId, someDay, someSaturday } from './authz-entry.ts';

/**
 * A citizen's own applications and bookings (officers of the unit may view submitted ones): signed-in routes whose
 * use cases refuse other people's cases, so the walk proves that outsiders are sent to sign in.
 */
export function citizenCaseRoutes(): Record<string, Entry> {
  const app = `/applications/${anyId}`;
  const steps = [
    'office',
    'nik',
    'name',
    'birth',
    'sex',
    'marital',
    'address',
    'phone',
    'email',
    'kind',
    'type',
    'validity',
    'speed',
    'purpose',
    'documents',
  ];
  const page = (path: string): Entry => ({ access: 'signed-in', url: () => path });
  const form = (path: string): Entry => ({ access: 'signed-in', url: () => path, form: () => ({}), mutates: true });
  return {
    'GET /applications': page('/applications'),
    'POST /applications': form('/applications'),
    'GET /applications/:id': page(app),
    'GET /applications/:id/submitted': page(`${app}/submitted`),
    'POST /applications/:id/discard': form(`${app}/discard`),
    'GET /applications/:id/withdraw': page(`${app}/withdraw`),
    'POST /applications/:id/withdraw': form(`${app}/withdraw`),
    'POST /api/v1/applications/:id/withdraw': {
      access: 'signed-in',
      url: () => `/api/v1${app}/withdraw`,
      mutates: true,
    },
    ...Object.fromEntries(
      steps.flatMap((step) => [
        [`GET /applications/:id/steps/${step}`, page(`${app}/steps/${step}`)],
        [`POST /applications/:id/steps/${step}`, form(`${app}/steps/${step}`)],
      ]),
    ),
    'POST /applications/:id/documents': form(`${app}/documents`),
    'GET /applications/:id/documents/:documentId': page(`${app}/documents/${anyId}`),
    'POST /applications/:id/documents/:documentId/delete': form(`${app}/documents/${anyId}/delete`),
    'GET /applications/:id/check': page(`${app}/check`),
    'POST /applications/:id/submit': form(`${app}/submit`),
    'GET /applications/:id/book': page(`${app}/book`),
    'POST /applications/:id/book': form(`${app}/book`),
    'POST /applications/:id/waitlist': form(`${app}/waitlist`),
    'POST /applications/:id/waitlist/:entryId/accept': form(`${app}/waitlist/${anyId}/accept`),
    'POST /applications/:id/waitlist/:entryId/leave': form(`${app}/waitlist/${anyId}/leave`),
    'GET /applications/:id/appointment': page(`${app}/appointment`),
    'GET /applications/:id/appointment/receipt.pdf': page(`${app}/appointment/receipt.pdf`),
    'GET /applications/:id/appointment/cara-membayar': page(`${app}/appointment/cara-membayar`),
    'GET /applications/:id/appointment/calendar.ics': page(`${app}/appointment/calendar.ics`),
    'GET /applications/:id/appointment/reschedule': page(`${app}/appointment/reschedule`),
    'POST /applications/:id/appointment/reschedule': form(`${app}/appointment/reschedule`),
    'GET /applications/:id/appointment/cancel': page(`${app}/appointment/cancel`),
    'POST /applications/:id/appointment/cancel': form(`${app}/appointment/cancel`),
    'POST /api/v1/applications/:id/appointment/reschedule': {
      access: 'signed-in',
      url: () => `/api/v1${app}/appointment/reschedule`,
      body: () => ({ date: someDay }),
      mutates: true,
    },
    'POST /api/v1/applications/:id/appointment/cancel': {
      access: 'signed-in',
      url: () => `/api/v1${app}/appointment/cancel`,
      mutates: true,
    },
    'POST /api/v1/applications/:id/documents': {
      access: 'signed-in',
      url: () => `/api/v1${app}/documents`,
      upload: { kind: 'ektp' },
      mutates: true,
    },
    'GET /applications/:id/saturday-pickup': page(`${app}/saturday-pickup`),
    'POST /applications/:id/saturday-pickup': form(`${app}/saturday-pickup`),
    'GET /applications/:id/eazy-paspor': page(`${app}/eazy-paspor`),
    'POST /applications/:id/eazy-paspor': form(`${app}/eazy-paspor`),
    'POST /api/v1/applications/:id/saturday-pickup': {
      access: 'signed-in',
      url: () => `/api/v1${app}/saturday-pickup`,
      body: () => ({ date: someSaturday }),
      mutates: true,
    },
  };
}

/** Complaints: heads and verifiers (ordinary complaints of their scope), the integrity role (oversight officers of the
 * regional office: whistle-blowing), auditors (read only, every unit). */

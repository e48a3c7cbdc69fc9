// The route walk's entries for the ban lists beyond the prevention list's first routes (test/authz.test.ts).
import { Entry, anyId, someDay, watchlistKeepers } from './authz-entry.ts';

/** Who keeps the entry-ban list (penangkalan): heads of office and the officers who oversee foreigners. */
const entryBanKeepers = ['head_of_office', 'oversight_officer'] as const;
const entryBanBody = {
  fullName: 'Ditangkal Tanpa Hak',
  nationality: 'TLS',
  documentNumber: 'TL0000001',
  birthDate: '1931-01-01',
  reason: 'Tanpa hak',
  reference: 'X-0',
};
const extension = { validUntil: someDay, reference: 'X-1' };
const lift = { reason: 'Dicabut tanpa hak' };

export const banRoutes: Record<string, Entry> = {
  'POST /officer/watchlist/:id/extend': {
    access: watchlistKeepers,
    url: () => `/officer/watchlist/${anyId}/extend`,
    form: () => extension,
    mutates: true,
  },
  'POST /api/v1/watchlist/:id/extend': {
    access: watchlistKeepers,
    url: () => `/api/v1/watchlist/${anyId}/extend`,
    body: () => extension,
    mutates: true,
  },
  // Searched and a page further: the query changes nothing of who may look.
  'GET /officer/entry-bans': { access: entryBanKeepers, url: () => `/officer/entry-bans?q=Ditangkal&before=${anyId}` },
  'POST /officer/entry-bans': { access: entryBanKeepers, form: () => entryBanBody, mutates: true },
  'POST /officer/entry-bans/:id/extend': {
    access: entryBanKeepers,
    url: () => `/officer/entry-bans/${anyId}/extend`,
    form: () => extension,
    mutates: true,
  },
  'POST /officer/entry-bans/:id/lift': {
    access: entryBanKeepers,
    url: () => `/officer/entry-bans/${anyId}/lift`,
    form: () => lift,
    mutates: true,
  },
  'GET /api/v1/entry-bans': {
    access: entryBanKeepers,
    url: () => `/api/v1/entry-bans?q=TL0000001&before=${anyId}&limit=5`,
  },
  'POST /api/v1/entry-bans': { access: entryBanKeepers, body: () => entryBanBody, mutates: true },
  'POST /api/v1/entry-bans/:id/extend': {
    access: entryBanKeepers,
    url: () => `/api/v1/entry-bans/${anyId}/extend`,
    body: () => extension,
    mutates: true,
  },
  'POST /api/v1/entry-bans/:id/lift': {
    access: entryBanKeepers,
    url: () => `/api/v1/entry-bans/${anyId}/lift`,
    body: () => lift,
    mutates: true,
  },
};

import { asc, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeApplication, makeUnit } from '../../test/factories.ts';
import { ownerBrowser } from '../appointments/test-support.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import { formatDateTime, formatDay, translator } from '../platform/i18n/index.ts';
import { recordAction } from './actions.ts';
import { citizenActionTypes, citizenHistory } from './citizen-history.ts';
import { applicationActions } from './schema.ts';

const caller = systemCaller('test');

/** The cells of the page's history table, row by row. */
function historyRows(html: string): string[][] {
  const table = /<h2 id="history">.*?<tbody>(.*?)<\/tbody>/s.exec(html)?.[1] ?? '';
  return [...table.matchAll(/<tr>(.*?)<\/tr>/gs)].map((r) =>
    [...r[1]!.matchAll(/<td>(.*?)<\/td>/gs)].map((c) => c[1]!.replace(/<[^>]+>/g, '')),
  );
}

it('lists the types a citizen sees as data, without holds, the prevention-list check or notes', () => {
  for (const hidden of ['take', 'release', 'watchlist_check', 'note', 'seeded'])
    expect(citizenActionTypes).not.toContain(hidden);
  const at = new Date('2030-01-02T01:00:00Z');
  expect(
    citizenHistory([
      { type: 'take', at, payload: {} },
      { type: 'watchlist_check', at, payload: { listed: false } },
      { type: 'interview', at, payload: { outcome: 'defer', reason: 'Dokumen palsu?', checklist: {} } },
      { type: 'document_check', at, payload: { documents: [{ kind: 'ektp', accepted: true }], missing: [] } },
      {
        type: 'document_check',
        at,
        payload: { documents: [{ kind: 'ektp', accepted: false, reason: 'buram' }], missing: [] },
      },
    ]),
  ).toEqual([
    { at, type: 'interview', outcome: 'deferred', date: null, from: null, to: null, kind: null, ticket: null },
    { at, type: 'document_check', outcome: 'complete', date: null, from: null, to: null, kind: null, ticket: null },
    { at, type: 'document_check', outcome: 'incomplete', date: null, from: null, to: null, kind: null, ticket: null },
  ]);
});

describeApp('application history as the citizen sees it', (ctx) => {
  it('says what happened in the citizen’s words and language, with dates written out, and hides the office’s own steps', async () => {
    const unit = await makeUnit(ctx.db);
    const application = await makeApplication(ctx.db, { unitCode: unit.code });
    const record = (type: string, payload: Record<string, unknown> = {}) =>
      recordAction(ctx.db, caller, { applicationId: application.id, type, payload });
    await record('submitted', { fee: 950_000 });
    await record('document_added', { kind: 'ektp', documentId: 'x' });
    await record('appointment_booked', {
      date: '2030-01-07',
      billingCode: '820000000000001',
      unitCode: unit.code,
      channel: 'online',
    });
    await record('appointment_rescheduled', { from: '2030-01-07', to: '2030-01-09' });
    await record('payment_received', { billingCode: '820000000000001', amount: 950_000 });
    await record('check_in', { ticket: 'A-007', appointmentId: 'x' });
    await record('take', { holder: 'x' });
    await record('watchlist_check', { listed: false });
    await record('note', { text: 'Catatan internal petugas' });
    await record('interview', { outcome: 'pass', checklist: {} });
    await record('release', { reason: 'Istirahat' });
    await record('hand_over', { passportNumber: 'E1234567' });
    const actions = await ctx.db
      .select()
      .from(applicationActions)
      .where(eq(applicationActions.applicationId, application.id))
      .orderBy(asc(applicationActions.id));
    const browser = await ownerBrowser(ctx.app, ctx.db, application);

    for (const lang of ['id', 'en'] as const) {
      const t = translator(lang);
      const page = await browser.get(`/applications/${application.id}`, {
        cookie: `${browser.cookieHeader}; lang=${lang}`,
      });
      expect(page.statusCode).toBe(200);
      const rows = historyRows(page.body);
      expect(rows.map((r) => r[1])).toEqual([
        t('applications.history.submitted'),
        t('applications.history.document_added', { kind: t('applications.documentKinds.ektp') }),
        t('applications.history.appointment_booked', { date: formatDay(lang, '2030-01-07') }),
        t('applications.history.appointment_rescheduled', {
          from: formatDay(lang, '2030-01-07'),
          to: formatDay(lang, '2030-01-09'),
        }),
        t('applications.history.payment_received'),
        t('applications.history.check_in', { ticket: 'A-007' }),
        t('applications.history.interview.passed'),
        t('applications.history.hand_over'),
      ]);
      expect(rows[0]![0]).toBe(formatDateTime(lang, actions[0]!.at));
      const history = page.body.slice(page.body.indexOf('<h2 id="history">'));
      for (const raw of [
        'check_in',
        'appointment_booked',
        'hand_over',
        '2030-01-07',
        'watchlist',
        'Catatan internal',
        'Istirahat',
        'E1234567',
      ])
        expect(history, raw).not.toContain(raw);
      expect(page.body).toContain(
        `<div class="table-scroll" role="region" aria-label="${t('applications.historyTitle')}" tabindex="0"><table>`,
      );
    }
  });
});

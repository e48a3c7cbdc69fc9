import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { serviceDay } from '../../test/dates.ts';
import { Browser } from '../../test/http.ts';
import { makeApplication, makeOfficer, makeUnit, openDate, sessionCookie } from '../../test/factories.ts';
import { createApiToken } from '../accounts/api-tokens.ts';
import type { Account, OfficerRole } from '../platform/auth/schema.ts';
import { auditLog } from '../platform/audit/schema.ts';
import { systemCaller } from '../platform/auth/caller.ts';
import { translator } from '../platform/i18n/index.ts';
import { roadmapMilestoneActions, roadmapMilestones, unitStateChanges, type UnitState } from './schema.ts';

const tId = translator('id');
const tEn = translator('en');

describeApp('post states and the roadmap', (ctx) => {
  const officer = (role: OfficerRole, unitCode: string) => makeOfficer(ctx.db, { role, unitCode });
  const tokenOf = async (account: Account) =>
    (await ctx.db.transaction((tx) => createApiToken(tx, systemCaller('test'), account.id, 'test'))).token;
  const post = async (token: string, url: string, payload: object) =>
    ctx.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` }, payload });
  /** A post of Kanim Kupang in a given state, since a day. */
  const makePost = (state: UnitState, stateSince: string | null = '2025-01-06') =>
    makeUnit(ctx.db, { kind: 'pos', parentCode: 'KANIM-KUPANG', state, stateSince });
  const history = (code: string) => ctx.db.select().from(unitStateChanges).where(eq(unitStateChanges.unitCode, code));
  const audits = (code: string, action: string) =>
    ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, code), eq(auditLog.action, action)));

  it('moves a state only along the workflow, with a dated note, its history and an audit entry', async () => {
    const unit = await makePost('planned');
    const token = await tokenOf(await officer('head_of_office', 'KANWIL-NTT'));
    const url = `/api/v1/units/${unit.code}/state`;

    const refused = await post(token, url, { step: 'normalise', effectiveOn: '2025-02-03', note: 'x' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields).toEqual({ step: tId('units.v.notFromState') });
    const future = await post(token, url, { step: 'activate', effectiveOn: '2999-01-01', note: 'x' });
    expect(future.json().error.fields).toEqual({ effectiveOn: tId('units.v.future') });
    const early = await post(token, url, { step: 'activate', effectiveOn: '2025-01-05', note: 'x' });
    expect(early.json().error.fields).toEqual({ effectiveOn: tId('units.v.beforeSince') });
    const noNote = await post(token, url, { step: 'activate', effectiveOn: '2025-02-03', note: ' ' });
    expect(noNote.statusCode).toBe(422);
    expect(await history(unit.code)).toHaveLength(0);

    const ok = await post(token, url, {
      step: 'activate',
      effectiveOn: '2025-02-03',
      note: 'Pos dibuka, SK Kakanwil',
      requestId: 'open-post-1',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ state: 'active', stateSince: '2025-02-03' });
    const [change] = await history(unit.code);
    expect(change).toMatchObject({
      type: 'activate',
      requestId: 'open-post-1',
      payload: { from: 'planned', status: 'active', effectiveOn: '2025-02-03', note: 'Pos dibuka, SK Kakanwil' },
    });
    const [audit] = await audits(unit.code, 'unit.state_activate');
    expect(audit!.details).toMatchObject({ from: 'planned', to: 'active', effectiveOn: '2025-02-03' });

    // A resend of the same request answers with the unit and writes nothing more; the same id for another step is a mistake.
    const again = await post(token, url, {
      step: 'activate',
      effectiveOn: '2025-02-03',
      note: 'Pos dibuka, SK Kakanwil',
      requestId: 'open-post-1',
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().state).toBe('active');
    const other = await post(token, url, {
      step: 'revitalise',
      effectiveOn: '2025-03-03',
      note: 'x',
      requestId: 'open-post-1',
    });
    expect(other.statusCode).toBe(409);
    expect(await history(unit.code)).toHaveLength(1);
    expect(await audits(unit.code, 'unit.state_activate')).toHaveLength(1);

    const roadmap = (await ctx.app.inject({ url: `/api/v1/units/${unit.code}/roadmap` })).json();
    expect(roadmap).toMatchObject({
      code: unit.code,
      state: 'active',
      stateSince: '2025-02-03',
      history: [{ step: 'activate', from: 'planned', to: 'active', effectiveOn: '2025-02-03' }],
      milestones: [],
    });
  });

  it('lets the Kanwil decide everything, the parent office head revitalise and normalise, nobody else', async () => {
    const unit = await makePost('active');
    const url = `/api/v1/units/${unit.code}/state`;
    const step = (s: string, effectiveOn = '2025-03-03') => ({ step: s, effectiveOn, note: 'Evaluasi semester' });
    const kupangHead = await tokenOf(await officer('head_of_office', 'KANIM-KUPANG'));
    for (const [role, unitCode] of [
      ['head_of_office', 'KANIM-MAUMERE'],
      ['admin', 'KANIM-KUPANG'],
      ['counter_officer', 'KANIM-KUPANG'],
      ['oversight_officer', 'KANWIL-NTT'],
    ] as const) {
      const res = await post(await tokenOf(await officer(role, unitCode)), url, step('revitalise'));
      expect(res.statusCode, `${role} ${unitCode}`).toBe(403);
    }
    expect((await post(kupangHead, url, step('close'))).statusCode).toBe(403);
    expect((await post(kupangHead, url, step('revitalise'))).json().state).toBe('under_revitalisation');
    expect((await post(kupangHead, url, step('normalise', '2025-04-01'))).json().state).toBe('normalised');
    // A Kanim's own state is the Kanwil's, and the Kanwil's own state nobody's through this workflow.
    expect((await post(kupangHead, '/api/v1/units/KANIM-KUPANG/state', step('revitalise'))).statusCode).toBe(403);
    const kanwilAdmin = await tokenOf(await officer('admin', 'KANWIL-NTT'));
    expect((await post(kanwilAdmin, '/api/v1/units/KANWIL-NTT/state', step('close'))).statusCode).toBe(403);
    expect((await post(kanwilAdmin, url, step('close', '2025-05-02'))).json().state).toBe('closed');
    expect((await history(unit.code)).map((h) => h.type)).toEqual(['revitalise', 'normalise', 'close']);
    expect((await post(kanwilAdmin, '/api/v1/units/NOPE/state', step('close'))).statusCode).toBe(404);
  });

  it('keeps roadmap milestones: planned by date or quarter, then reached or dropped once, each with history', async () => {
    const unit = await makePost('under_revitalisation');
    const token = await tokenOf(await officer('head_of_office', 'KANIM-KUPANG'));
    const url = `/api/v1/units/${unit.code}/milestones`;
    const both = await post(token, url, { title: 'Gedung', targetDate: '2026-06-30', targetQuarter: '2026-Q2' });
    expect(both.json().error.fields).toEqual({ targetDate: tId('units.v.target') });
    const badQuarter = await post(token, url, { title: 'Gedung', targetQuarter: '2026-Q5' });
    expect(badQuarter.json().error.fields).toEqual({ targetQuarter: tId('units.v.quarter') });

    const add = { title: 'Renovasi gedung pos', targetQuarter: '2026-Q3', requestId: 'add-milestone-1' };
    const made = await post(token, url, add);
    expect(made.statusCode, made.body).toBe(201);
    const again = await post(token, url, add);
    expect(again.json().id).toBe(made.json().id);
    const second = await post(token, url, { title: 'Layanan paspor dibuka', targetDate: '2026-01-15' });
    expect(second.statusCode).toBe(201);
    expect(await ctx.db.select().from(roadmapMilestones).where(eq(roadmapMilestones.unitCode, unit.code))).toHaveLength(
      2,
    );

    const act = (id: string, payload: object) => post(token, `${url}/${id}/actions`, payload);
    const id = made.json().id as string;
    const dropNoWhy = await act(id, { step: 'drop', on: '2025-03-03' });
    expect(dropNoWhy.json().error.fields).toEqual({ note: tId('units.v.dropWhy') });
    const done = await act(id, { step: 'done', on: '2025-03-03', requestId: 'done-milestone-1' });
    expect(done.json()).toMatchObject({ status: 'done', doneOn: '2025-03-03' });
    expect((await act(id, { step: 'done', on: '2025-03-03', requestId: 'done-milestone-1' })).statusCode).toBe(200);
    const twice = await act(id, { step: 'drop', on: '2025-03-04', note: 'x' });
    expect(twice.json().error.fields).toEqual({ step: tId('units.v.milestoneFinal') });
    const actions = await ctx.db
      .select()
      .from(roadmapMilestoneActions)
      .where(eq(roadmapMilestoneActions.milestoneId, id));
    expect(actions.map((a) => a.type)).toEqual(['planned', 'done']);
    expect(await audits(id, 'unit.milestone_done')).toHaveLength(1);
    const outsider = await tokenOf(await officer('head_of_office', 'KANIM-MAUMERE'));
    expect((await post(outsider, url, { title: 'X', targetQuarter: '2026-Q1' })).statusCode).toBe(403);

    // The roadmap lists dated milestones and quarters in calendar order.
    const roadmap = (await ctx.app.inject({ url: `/api/v1/units/${unit.code}/roadmap` })).json();
    expect(roadmap.milestones.map((m: { title: string }) => m.title)).toEqual([
      'Layanan paspor dibuka',
      'Renovasi gedung pos',
    ]);
  });

  it('shows the state, its history and the roadmap on the public page in Indonesian and English', async () => {
    const unit = await makePost('active');
    const token = await tokenOf(await officer('admin', 'KANWIL-NTT'));
    await post(token, `/api/v1/units/${unit.code}/state`, {
      step: 'revitalise',
      effectiveOn: '2025-03-03',
      note: 'Hasil evaluasi semester I',
    });
    await post(token, `/api/v1/units/${unit.code}/milestones`, { title: 'Renovasi gedung', targetQuarter: '2026-Q3' });
    for (const [lang, t, date] of [
      ['id', tId, '3 Maret 2025'],
      ['en', tEn, '3 March 2025'],
    ] as const) {
      const page = await ctx.app.inject({ url: `/units/${unit.code}`, headers: { cookie: `lang=${lang}` } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(t('unitStates.under_revitalisation'));
      expect(page.body).toContain(t('units.since', { date }));
      expect(page.body).toContain(t('units.historyTitle'));
      expect(page.body).toContain('Hasil evaluasi semester I');
      expect(page.body).toContain(t('units.roadmapTitle'));
      expect(page.body).toContain('Renovasi gedung');
      expect(page.body).toContain(t('units.quarter', { q: '3', year: '2026' }));
      expect(page.body).not.toContain(`/admin/units/${unit.code}/roadmap`);
    }
  });

  it('gives officers a page with only the steps they may take, and refuses a bad form without changing anything', async () => {
    const unit = await makePost('active');
    const head = await officer('head_of_office', 'KANIM-KUPANG');
    const browser = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, head));
    const page = await browser.get(`/admin/units/${unit.code}/roadmap`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('value="revitalise"');
    expect(page.body).not.toContain('value="close"');
    expect((await browser.get(`/units/${unit.code}`)).body).toContain(`/admin/units/${unit.code}/roadmap`);

    const bad = await browser.post(`/admin/units/${unit.code}/state`, {
      step: 'revitalise',
      effectiveOn: '2999-01-01',
      note: 'Renovasi',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain(tId('units.v.future'));
    expect(await history(unit.code)).toHaveLength(0);
    const ok = await browser.post(`/admin/units/${unit.code}/state`, {
      step: 'revitalise',
      effectiveOn: '2025-03-03',
      note: 'Renovasi',
    });
    expect(ok.statusCode).toBe(303);
    expect((await history(unit.code)).map((h) => h.type)).toEqual(['revitalise']);

    const added = await browser.post(`/admin/units/${unit.code}/milestones`, {
      title: 'Gedung baru',
      targetDate: '',
      targetQuarter: '2026-Q4',
      note: 'Sesuai roadmap kewilayahan',
    });
    expect(added.statusCode).toBe(303);
    const [m] = await ctx.db.select().from(roadmapMilestones).where(eq(roadmapMilestones.unitCode, unit.code));
    const dropped = await browser.post(`/admin/units/${unit.code}/milestones/${m!.id}`, {
      step: 'drop',
      on: '2025-03-04',
      note: 'Anggaran dialihkan',
    });
    expect(dropped.statusCode).toBe(303);
    const after = await browser.get(`/admin/units/${unit.code}/roadmap`);
    expect(after.body).toContain(tId('units.milestoneStatuses.dropped'));
    // The planning note stays; why it was dropped is kept in its history and shown beside it.
    const [kept] = await ctx.db.select().from(roadmapMilestones).where(eq(roadmapMilestones.id, m!.id));
    expect(kept!.note).toBe('Sesuai roadmap kewilayahan');
    const steps = await ctx.db
      .select()
      .from(roadmapMilestoneActions)
      .where(eq(roadmapMilestoneActions.milestoneId, m!.id))
      .orderBy(roadmapMilestoneActions.id);
    expect(steps.map((s) => [s.type, s.payload.note])).toEqual([
      ['planned', 'Sesuai roadmap kewilayahan'],
      ['dropped', 'Anggaran dialihkan'],
    ]);
    for (const body of [after.body, (await browser.get(`/units/${unit.code}`)).body]) {
      expect(body).toContain('Sesuai roadmap kewilayahan');
      expect(body).toContain('Anggaran dialihkan');
    }
    const api = (await ctx.app.inject({ url: `/api/v1/units/${unit.code}/roadmap` })).json();
    expect(api.milestones[0]).toMatchObject({ note: 'Sesuai roadmap kewilayahan', outcomeNote: 'Anggaran dialihkan' });

    const counter = new Browser(ctx.app).setCookie(
      await sessionCookie(ctx.db, await officer('counter_officer', 'KANIM-KUPANG')),
    );
    expect((await counter.get(`/admin/units/${unit.code}/roadmap`)).statusCode).toBe(403);
  });

  it('shows a refused step on the officer page even when its form is no longer offered, linked to its own fields', async () => {
    const unit = await makePost('planned');
    const head = await officer('head_of_office', 'KANIM-KUPANG');
    const browser = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, head));
    const page = await browser.get(`/admin/units/${unit.code}/roadmap`);
    expect(page.body).toContain(tId('units.noStateSteps'));
    // Each id once, though the state form and the new-milestone form both have a note.
    const activePost = await makePost('active');
    await browser.post(`/admin/units/${activePost.code}/milestones`, { title: 'Gedung', targetQuarter: '2026-Q4' });
    const active = await browser.get(`/admin/units/${activePost.code}/roadmap`);
    expect(active.body.match(/id="f-note"/g)).toHaveLength(1);
    expect(active.body.match(/id="f-new-note"/g)).toHaveLength(1);
    const ids = [...active.body.matchAll(/ id="([^"]+)"/g)].map((x) => x[1]);
    expect(ids.length).toBe(new Set(ids).size);

    // A planned post offers its parent office no state step: the refusal is still shown.
    const state = await browser.post(`/admin/units/${unit.code}/state`, {
      step: 'revitalise',
      effectiveOn: '2025-03-03',
      note: 'x',
    });
    expect(state.statusCode).toBe(422);
    expect(state.body).toContain('class="error-summary"');
    expect(state.body).toContain(tId('units.v.notFromState'));

    const bad = await browser.post(`/admin/units/${unit.code}/milestones`, { title: '', targetQuarter: '2026-Q9' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#f-new-targetQuarter"');
    expect(bad.body).toContain('id="f-new-targetQuarter"');

    await browser.post(`/admin/units/${unit.code}/milestones`, { title: 'Gedung', targetQuarter: '2026-Q4' });
    const [m] = await ctx.db.select().from(roadmapMilestones).where(eq(roadmapMilestones.unitCode, unit.code));
    const url = `/admin/units/${unit.code}/milestones/${m!.id}`;
    const future = await browser.post(url, { step: 'done', on: '2999-01-01', note: '' });
    expect(future.statusCode).toBe(422);
    expect(future.body).toContain(`href="#f-${m!.id}-on"`);
    expect(future.body).toContain(`id="f-${m!.id}-on"`);
    expect((await browser.post(url, { step: 'done', on: '2025-03-03', note: '' })).statusCode).toBe(303);
    // Reached meanwhile (another tab): its form is gone, the refusal is shown all the same.
    const final = await browser.post(url, { step: 'drop', on: '2025-03-04', note: 'Anggaran dialihkan' });
    expect(final.statusCode).toBe(422);
    expect(final.body).toContain('class="error-summary"');
    expect(final.body).toContain(tId('units.v.milestoneFinal'));
  });

  it('keeps the state out of the unit form: only the workflow changes it', async () => {
    const unit = await makePost('active');
    const admin = await officer('admin', 'KANWIL-NTT');
    const browser = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, admin));
    const edit = await browser.get(`/admin/units/${unit.code}/edit`);
    expect(edit.body).not.toContain('name="state"');
    expect(edit.body).toContain(`/admin/units/${unit.code}/roadmap`);
    expect((await browser.get('/admin/units')).body).toContain(`/admin/units/${unit.code}/roadmap`);
    const saved = await browser.post(`/admin/units/${unit.code}/edit`, {
      name: unit.name,
      address: unit.address,
      regencyCode: '53.71',
      phone: '',
      email: '',
      state: 'closed',
      services: ['passport'],
      hours_mon: '08:00-15:00',
      hours_tue: '',
      hours_wed: '',
      hours_thu: '',
      hours_fri: '',
      hours_sat: '',
      hours_sun: '',
    });
    expect(saved.statusCode).toBe(303);
    expect((await ctx.app.inject({ url: `/api/v1/units/${unit.code}` })).json().state).toBe('active');
  });

  it('a closed unit offers no services: no date open, no booking, and a reopened one offers them again', async () => {
    const unit = await makeUnit(ctx.db, { stateSince: '2025-01-06' });
    const date = await serviceDay(ctx.db, unit.code);
    await openDate(ctx.db, unit.code, date, 3);
    const application = await makeApplication(ctx.db, { unitCode: unit.code });
    const kanwil = await tokenOf(await officer('head_of_office', 'KANWIL-NTT'));
    const closed = await post(kanwil, `/api/v1/units/${unit.code}/state`, {
      step: 'close',
      effectiveOn: '2025-02-03',
      note: 'Ditutup',
    });
    expect(closed.json()).toMatchObject({ state: 'closed', services: [] });
    const days = await ctx.app.inject({ url: `/api/v1/units/${unit.code}/availability?from=${date}&to=${date}` });
    expect(days.json()).toEqual([expect.objectContaining({ date, open: false })]);
    const citizen = await ctx.db.transaction((tx) =>
      createApiToken(tx, systemCaller('test'), application.accountId, 'test'),
    );
    const book = () =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/v1/applications/${application.id}/appointment`,
        headers: { authorization: `Bearer ${citizen.token}` },
        payload: { date },
      });
    const refused = await book();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('date_closed');
    const listed = (await ctx.app.inject({ url: '/api/v1/units' })).json<{ code: string; services: string[] }[]>();
    expect(listed.find((u) => u.code === unit.code)!.services).toEqual([]);

    await post(kanwil, `/api/v1/units/${unit.code}/state`, {
      step: 'activate',
      effectiveOn: '2025-03-03',
      note: 'Reaktivasi',
    });
    expect((await book()).statusCode).toBe(201);
  });

  it("shows each post's state on the home page", async () => {
    const unit = await makePost('closed');
    for (const [lang, t] of [
      ['id', tId],
      ['en', tEn],
    ] as const) {
      const home = await ctx.app.inject({ url: '/', headers: { cookie: `lang=${lang}` } });
      const item = (code: string) => {
        const start = home.body.indexOf(`href="/units/${code}"`);
        return home.body.slice(start, home.body.indexOf('</li>', start));
      };
      expect(item('POS-LEMBATA')).toContain(t('unitStates.active'));
      expect(item('POS-OEPOLI')).toContain(t('unitStates.under_revitalisation'));
      expect(item('POS-MARITAING')).toContain(t('unitStates.normalised'));
      expect(item(unit.code)).toContain(t('unitStates.closed'));
      expect(item('KANIM-KUPANG')).not.toContain('class="tag');
    }
  });
});

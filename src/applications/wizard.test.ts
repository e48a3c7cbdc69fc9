import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeUnit } from '../../test/factories.ts';
import { auditLog } from '../platform/audit/schema.ts';
import { formatRupiah, translator } from '../platform/i18n/index.ts';
import { applicationActions } from './schema.ts';
import {
  adultAnswers,
  answerUntil,
  applicationRow,
  citizenBrowser,
  startDraft,
  uploadAdultDocuments,
} from './test-support.ts';
import { stepPath } from './wizard-steps.ts';

const tId = translator('id');

describeApp('application wizard', (ctx) => {
  it('takes a citizen from "apply" to a submitted application by plain form posts, fixing the fee per PP 45/2024', async () => {
    const unit = await makeUnit(ctx.db);
    const { citizen, browser } = await citizenBrowser(ctx.app, ctx.db);
    const list = await browser.get('/applications');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(tId('applications.start'));
    const id = await startDraft(browser);
    const office = await browser.get(stepPath(id, 'office'));
    expect(office.body).toContain(unit.name);
    expect(office.body).toContain(tId('applications.steps.office'));

    const answers = await adultAnswers(ctx.db, unit.code);
    await answerUntil(browser, id, answers);
    const documents = await browser.get(stepPath(id, 'documents'));
    expect(documents.statusCode).toBe(200);
    expect(documents.body).toContain('enctype="multipart/form-data"');
    await uploadAdultDocuments(ctx.app, browser, id);
    const next = await browser.post(stepPath(id, 'documents'), {});
    expect(next.statusCode).toBe(303);
    expect(next.headers.location).toBe(`/applications/${id}/check`);

    const check = await browser.get(`/applications/${id}/check`);
    expect(check.statusCode, check.body).toBe(200);
    expect(check.body).not.toContain('error-summary');
    for (const text of [
      'Maria Goreti Bria',
      answers.nik.nik,
      unit.name,
      tId('applications.kinds.first'),
      tId('applications.types.elektronik'),
      tId('applications.validities.10'),
    ])
      expect(check.body).toContain(text);
    expect(check.body).toContain(formatRupiah('id', 1_950_000));
    expect(check.body).toContain(`href="${stepPath(id, 'marital', true)}"`);

    const submit = await browser.post(`/applications/${id}/submit`, {});
    expect(submit.statusCode, submit.body).toBe(303);
    expect(submit.headers.location).toBe(`/applications/${id}/submitted`);
    const row = await applicationRow(ctx.db, id);
    expect(row).toMatchObject({
      status: 'submitted',
      accountId: citizen.id,
      feeTotal: 1_950_000,
      feeRegulation: 'PP 45/2024',
      validityYears: 10,
      speed: 'percepatan',
      villageCode: answers.address.home_village,
    });
    expect(row.feeItems).toEqual([
      { item: 'elektronik_10y', amount: 950_000 },
      { item: 'percepatan', amount: 1_000_000 },
    ]);
    expect(row.submittedAt).toBeInstanceOf(Date);
    const actions = await ctx.db
      .select()
      .from(applicationActions)
      .where(eq(applicationActions.applicationId, id))
      .orderBy(applicationActions.id);
    expect(actions.map((a) => a.type)).toEqual([
      'started',
      'document_added',
      'document_added',
      'document_added',
      'submitted',
    ]);
    const [audit] = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, id), eq(auditLog.action, 'application.submit')));
    expect(audit).toMatchObject({ actorId: citizen.id, unitCode: unit.code });

    const confirmation = await browser.get(`/applications/${id}/submitted`);
    expect(confirmation.body).toContain(row.trackingCode);
    expect(confirmation.body).toContain(`href="/applications/${id}/book"`);
    expect(confirmation.body).toContain(formatRupiah('id', 1_950_000));
    const detail = await browser.get(`/applications/${id}`);
    expect(detail.body).toContain(tId('applications.history.submitted'));
    expect(detail.body).toContain(`/applications/${id}/documents/`);
    expect((await browser.get('/applications')).body).toContain(row.trackingCode);

    // Submitted means no more editing: the pages send the applicant to the application instead.
    const late = await browser.post(stepPath(id, 'name'), { fullName: 'Someone Else' });
    expect(late.statusCode).toBe(303);
    expect(late.headers.location).toBe(`/applications/${id}`);
    expect((await applicationRow(ctx.db, id)).fullName).toBe('Maria Goreti Bria');
  });
});

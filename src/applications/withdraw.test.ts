import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeApplication, makeUnit } from '../../test/factories.ts';
import { citizenBrowser } from './test-support.ts';
import { applications } from './schema.ts';

describeApp('the application page: withdrawing, and the way back to a booking', (ctx) => {
  it('asks on a page of its own, then closes the application and says so in its history', async () => {
    const unit = await makeUnit(ctx.db);
    const { citizen, browser } = await citizenBrowser(ctx.app, ctx.db);
    const application = await makeApplication(ctx.db, {
      unitCode: unit.code,
      accountId: citizen.id,
      status: 'submitted',
    });

    const page = await browser.get(`/applications/${application.id}`);
    expect(page.body).toContain(`href="/applications/${application.id}/withdraw"`);
    const ask = await browser.get(`/applications/${application.id}/withdraw`);
    expect(ask.statusCode).toBe(200);
    expect(ask.body).toContain('Tarik permohonan?');
    expect(ask.body).toContain(application.trackingCode);

    const done = await browser.post(
      `/applications/${application.id}/withdraw`,
      {},
      `/applications/${application.id}/withdraw`,
    );
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/applications/${application.id}?withdrawn=1`);
    const [row] = await ctx.db.select().from(applications).where(eq(applications.id, application.id));
    expect(row!.status).toBe('cancelled');
    const after = await browser.get(`/applications/${application.id}?withdrawn=1`);
    expect(after.body).toContain('Permohonan ditarik');
    // It says so, and offers to start again.
    expect(after.body).toContain('Permohonan sudah ditarik. Anda dapat membuat permohonan baru untuk orang ini.');
    expect(after.body).toContain('action="/applications"');
    expect(after.body).not.toContain(`/applications/${application.id}/withdraw"`);
    // Nothing left to withdraw or book: those pages send back to the application.
    expect((await browser.get(`/applications/${application.id}/withdraw`)).headers.location).toBe(
      `/applications/${application.id}`,
    );
    expect((await browser.get(`/applications/${application.id}/book`)).headers.location).toBe(
      `/applications/${application.id}`,
    );
  });

  it('leads a booked applicant back to the booking and, while it is unpaid, to how to pay', async () => {
    const unit = await makeUnit(ctx.db);
    const { citizen, browser } = await citizenBrowser(ctx.app, ctx.db);
    const booked = await makeApplication(ctx.db, { unitCode: unit.code, accountId: citizen.id, status: 'booked' });
    const paid = await makeApplication(ctx.db, {
      unitCode: unit.code,
      accountId: citizen.id,
      status: 'paid',
      passportType: 'biasa',
    });
    const list = (await browser.get('/applications')).body;
    for (const a of [booked, paid]) expect(list).toContain(`href="/applications/${a.id}/appointment"`);
    const unpaid = (await browser.get(`/applications/${booked.id}`)).body;
    expect(unpaid).toContain(`href="/applications/${booked.id}/appointment"`);
    expect(unpaid).toContain(`href="/applications/${booked.id}/appointment/cara-membayar"`);
    expect((await browser.get(`/applications/${paid.id}`)).body).not.toContain('cara-membayar');
  });
});

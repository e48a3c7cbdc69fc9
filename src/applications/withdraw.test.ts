import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeApplication, makeUnit } from '../../test/factories.ts';
import { citizenBrowser } from './test-support.ts';
import { applications } from './schema.ts';

describeApp('withdrawing an application', (ctx) => {
  it('asks on a page of its own, then closes the application and says so in its history', async () => {
    const unit = await makeUnit(ctx.db);
    const { citizen, browser } = await citizenBrowser(ctx.app, ctx.db);
    const application = await makeApplication(ctx.db, { unitCode: unit.code, accountId: citizen.id, status: 'submitted' });

    const page = await browser.get(`/applications/${application.id}`);
    expect(page.body).toContain(`href="/applications/${application.id}/withdraw"`);
    const ask = await browser.get(`/applications/${application.id}/withdraw`);
    expect(ask.statusCode).toBe(200);
    expect(ask.body).toContain('Tarik permohonan?');
    expect(ask.body).toContain(application.trackingCode!);

    const done = await browser.post(`/applications/${application.id}/withdraw`, {}, `/applications/${application.id}/withdraw`);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/applications/${application.id}`);
    const [row] = await ctx.db.select().from(applications).where(eq(applications.id, application.id));
    expect(row!.status).toBe('cancelled');
    const after = await browser.get(`/applications/${application.id}`);
    expect(after.body).toContain('Permohonan ditarik');
    expect(after.body).not.toContain(`/applications/${application.id}/withdraw"`);
    // Nothing left to withdraw: the question page sends back to the application.
    expect((await browser.get(`/applications/${application.id}/withdraw`)).headers.location).toBe(`/applications/${application.id}`);
  });
});

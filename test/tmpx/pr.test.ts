import { it } from 'vitest';
import { describeApp } from '../db.ts';
import { makeCitizen, makeOfficer, sessionCookie } from '../factories.ts';
import { Browser } from '../http.ts';
describeApp('pr', (ctx) => {
  it('prints', async () => {
    const b = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, await makeCitizen(ctx.db)));
    await b.get('/login');
    const r = await b.request({ method: 'POST', url: '/account/totp', form: { code: '000000' } });
    console.log(r.statusCode, r.headers['content-type'], r.body.slice(0, 3000));
    const h = new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, await makeOfficer(ctx.db, {role:'head_of_office'})));
    await h.get('/login');
    const r2 = await h.request({ method: 'POST', url: '/admin/units/KANIM-KUPANG/edit', form: { name: 'x' } });
    console.log(r2.statusCode, r2.body.match(/<h1>.*?<\/h1>/)?.[0], r2.body.includes('error-summary'));
  });
});

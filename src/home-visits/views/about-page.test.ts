import { expect, it } from 'vitest';
import { describeApp } from '../../../test/db.ts';
import { makeCitizen, makeUnit, sessionCookie } from '../../../test/factories.ts';
import { translator } from '../../platform/i18n/index.ts';
import { ANSWER_WORKING_DAYS } from '../answer-deadline.ts';

describeApp('si Koe Peduli page', (ctx) => {
  it('tells anyone who may ask, how and what happens next, and leads to the request form', async () => {
    const serving = await makeUnit(ctx.db, { services: ['passport', 'koe_peduli'] });
    const notServing = await makeUnit(ctx.db, { services: ['passport'] });
    for (const lang of ['id', 'en'] as const) {
      const t = translator(lang);
      const res = await ctx.app.inject({ url: '/si-koe-peduli', headers: { cookie: `lang=${lang}` } });
      expect(res.statusCode, lang).toBe(200);
      expect(res.body).toContain(`<html lang="${lang}"`);
      for (const text of [
        t('homeVisits.about.title'),
        t('homeVisits.about.whoTitle'),
        t('homeVisits.reasons.elderly'),
        t('homeVisits.reasons.hospital'),
        t('homeVisits.about.howTitle'),
        t('homeVisits.about.nextTitle'),
        t('homeVisits.about.next2', { days: ANSWER_WORKING_DAYS }),
        t('homeVisits.about.signInNote'),
      ]) {
        expect(res.body, text).toContain(text);
      }
      expect(res.body).toMatch(
        new RegExp(`<a class="button" href="/si-koe-peduli/ajukan">${t('homeVisits.about.start')}</a>`),
      );
      expect(res.body).toContain(`href="/units/${serving.code}"`);
      expect(res.body).not.toContain(`href="/units/${notServing.code}"`);
    }
  });

  it('does not ask a signed-in citizen to sign in, and the form it leads to opens for them', async () => {
    const cookie = await sessionCookie(ctx.db, await makeCitizen(ctx.db));
    const page = await ctx.app.inject({ url: '/si-koe-peduli', headers: { cookie } });
    expect(page.body).not.toContain(translator('id')('homeVisits.about.signInNote'));
    expect((await ctx.app.inject({ url: '/si-koe-peduli/ajukan', headers: { cookie } })).statusCode).toBe(200);
  });
});

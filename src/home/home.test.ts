import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { translator } from '../platform/i18n/index.ts';

const id = translator('id');
const en = translator('en');

/** The anchors of a page as href → text (tags inside the text removed). */
function links(html: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const m of html.matchAll(/<a [^>]*href="([^"]+)"[^>]*>(.*?)<\/a>/gs)) {
    found.set(m[1]!, [...(found.get(m[1]!) ?? []), m[2]!.replace(/<[^>]+>/g, '').trim()]);
  }
  return found;
}

describeApp('home page', (ctx) => {
  it('leads to tracking, complaints and si Koe Peduli, in Indonesian and English', async () => {
    for (const [lang, t] of [
      ['id', id],
      ['en', en],
    ] as const) {
      const res = await ctx.app.inject({ url: '/', headers: { cookie: `lang=${lang}` } });
      expect(res.statusCode).toBe(200);
      const found = links(res.body);
      // Each service card's heading is the link to where the service starts.
      expect(found.get('/pengaduan'), lang).toContain(t('services.complaints.name'));
      expect(found.get('/si-koe-peduli'), lang).toContain(t('services.koe_peduli.name'));
      expect(found.get('/si-koe-peduli/ajukan'), lang).toBeUndefined();
      expect(found.get('/track'), lang).toEqual(expect.arrayContaining([t('home.trackLink'), t('footer.track')]));
      expect(found.get('/pengaduan/lacak'), lang).toContain(t('home.complaintLink'));
      expect(res.body).toContain(t('home.trackLead'));
    }
  });

  it('links tracking from the footer of every page', async () => {
    const res = await ctx.app.inject({ url: '/units/KANIM-KUPANG' });
    const footer = res.body.slice(res.body.indexOf('<footer'));
    expect(links(footer).get('/track')).toEqual([id('footer.track')]);
    expect(links(footer).get('/pengaduan')).toEqual([id('services.complaints.name')]);
  });

  it('every link it gives to a service or tracking opens a page', async () => {
    const res = await ctx.app.inject({ url: '/' });
    for (const href of ['/track', '/pengaduan', '/pengaduan/lacak', '/si-koe-peduli']) {
      expect(links(res.body).has(href), href).toBe(true);
      expect((await ctx.app.inject({ url: href })).statusCode, href).toBe(200);
    }
  });

  it('says of a service without its pages yet that it is coming, and where to go meanwhile', async () => {
    const body = (await ctx.app.inject({ url: '/' })).body;
    const card = /<li class="card"><h3>([^<]*)<span class="tag">([^<]*)<\/span><\/h3>/.exec(body);
    expect(card?.[1]).toBe(translator('id')('services.lodging_report.name'));
    expect(card?.[2]).toBe('segera daring; sementara di kantor imigrasi');
  });
});

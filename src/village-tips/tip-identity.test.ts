import { eq, inArray } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Account, OfficerRole } from '../platform/auth/schema.ts';
import { auditLog } from '../platform/audit/schema.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import { describeApp } from '../../test/db.ts';
import { makeCitizen, makeOfficer, makeUnit } from '../../test/factories.ts';
import { Browser } from '../../test/http.ts';
import { countTips, countTipsByVillage } from './count-tips.ts';
import { findOpenWarningsFor } from './find-open-warnings.ts';
import { villageTipActions, villageWarningActions } from './schema.ts';
import { adoptVillage, callerAs, makePimpasa, makeTip, raise, tipHelpers } from './test-support.ts';

describeApp(
  "village tips: the sender's identity is hidden from everyone but the office's oversight officers",
  (ctx) => {
    const { api, as } = tipHelpers(ctx);
    const identity = {
      reporterName: 'Maria Pelapor Rahasia',
      reporterPhone: '081377665544',
      reporterEmail: 'maria.pelapor@example.org',
    };
    const pimpasaName = 'Pimpasa Pencatat Rahasia';
    const secrets = [...Object.values(identity), pimpasaName];
    const hides = (text: string) => {
      for (const bit of secrets) expect(text).not.toContain(bit);
    };

    async function scene() {
      const unit = await makeUnit(ctx.db);
      const village = await adoptVillage(ctx.db, unit.code);
      const pimpasa = await makeOfficer(ctx.db, { role: 'counter_officer', unitCode: unit.code, name: pimpasaName });
      await makePimpasa(ctx.db, pimpasa, village);
      const { tip } = await makeTip(
        ctx.db,
        { villageCode: village, channel: 'village_officer', subjectName: 'Om Calo Tersangka', ...identity },
        callerAs(pimpasa),
      );
      const owner = await makeOfficer(ctx.db, { role: 'oversight_officer', unitCode: unit.code });
      const warning = await raise(ctx.db, owner, {
        kind: 'recruiter',
        tipId: tip.id,
        recruiterName: 'Om Calo Tersangka',
        areaCode: village.slice(0, 5),
        summary: 'Perekrut menawarkan kerja ke Malaysia tanpa rekomendasi Disnaker.',
      });
      return { unit, village, tip, owner, warning };
    }

    /** Every page and API this feature adds, as the account (or nobody) sees them. */
    async function walk(who: Account | null, tipId: string, warningId: string) {
      const browser = who ? await as(who) : new Browser(ctx.app);
      const pages = [
        '/officer/desa-binaan/tips',
        `/officer/desa-binaan/tips/${tipId}`,
        '/officer/desa-binaan/warnings',
        `/officer/desa-binaan/warnings/${warningId}`,
      ];
      const seen: Record<string, number> = {};
      for (const url of pages) {
        const res = await browser.get(url);
        hides(res.body);
        seen[url] = res.statusCode;
      }
      await browser.get('/desa-binaan/lapor');
      const reveal = await browser.post(`/officer/desa-binaan/tips/${tipId}/reporter`, {
        reason: 'Menghubungi pelapor',
      });
      hides(reveal.body);
      seen.revealPage = reveal.statusCode;
      const apis: ['GET' | 'POST', string, Record<string, unknown>?][] = [
        ['GET', '/api/v1/village-tips'],
        ['GET', `/api/v1/village-tips/${tipId}`],
        ['POST', `/api/v1/village-tips/${tipId}/reporter`, { reason: 'Menghubungi pelapor' }],
        ['GET', '/api/v1/village-warnings'],
      ];
      for (const [method, url, body] of apis) {
        const res = who
          ? await api(who, method, url, body)
          : await ctx.app.inject({ method, url, ...(body ? { payload: body } : {}) });
        hides(res.body);
        seen[`${method} ${url}`] = res.statusCode;
      }
      return seen;
    }

    type Scene = Awaited<ReturnType<typeof scene>>;
    let shared: Promise<Scene> | undefined;
    const theScene = () => (shared ??= scene());
    const revealApi = (s: Scene) => `POST /api/v1/village-tips/${s.tip.id}/reporter`;
    const roles: [OfficerRole, 'own' | 'sibling' | 'KANWIL-NTT'][] = [
      ['counter_officer', 'own'],
      ['verifier', 'own'],
      ['adjudicator', 'own'],
      ['head_of_office', 'own'],
      ['admin', 'own'],
      ['auditor', 'KANWIL-NTT'],
      ['partner', 'own'],
      ['oversight_officer', 'sibling'],
      ['oversight_officer', 'KANWIL-NTT'],
      ['head_of_office', 'KANWIL-NTT'],
    ];

    it.each(roles)('refuses the sender to a %s of the %s office, on every page and API', async (role, where) => {
      const s = await theScene();
      const unitCode = where === 'own' ? s.unit.code : where === 'sibling' ? (await makeUnit(ctx.db)).code : where;
      const seen = await walk(await makeOfficer(ctx.db, { role, unitCode }), s.tip.id, s.warning.id);
      expect([403, 404]).toContain(seen[revealApi(s)]);
      expect([403, 404]).toContain(seen.revealPage);
      // Readers of the scope (the head of office, the Kanwil's oversight officers) see the tip, never its sender; other
      // roles are refused by role, another office's oversight officers are told it does not exist.
      const reader = role === 'head_of_office' || (role === 'oversight_officer' && where === 'KANWIL-NTT');
      expect(seen[`/officer/desa-binaan/tips/${s.tip.id}`]).toBe(
        reader ? 200 : role === 'oversight_officer' ? 404 : 403,
      );
    });

    it('refuses the sender to citizens and to anonymous callers', async () => {
      const s = await theScene();
      const citizen = await walk(await makeCitizen(ctx.db), s.tip.id, s.warning.id);
      for (const status of Object.values(citizen)) expect([303, 401, 403, 404]).toContain(status);
      const nobody = await walk(null, s.tip.id, s.warning.id);
      for (const status of Object.values(nobody)) expect([302, 303, 401, 403, 404]).toContain(status);
    });

    it('keeps the sender out of the warnings the interview reads and of the figures', async () => {
      const { village, warning } = await theScene();
      const notes = await findOpenWarningsFor(
        ctx.db,
        { villageCode: village, recruiterNames: ['Om Calo Tersangka'] },
        witaDate(),
      );
      expect(notes.map((n) => n.id)).toContain(warning.id);
      hides(JSON.stringify(notes));
      const period = { from: '2020-01-01', to: '2099-12-31' };
      hides(JSON.stringify(await countTips(ctx.db, period)));
      hides(JSON.stringify([...(await countTipsByVillage(ctx.db, [village], period))]));
    });

    it("shows the sender to the office's oversight officer who gives a reason, audited without the identity", async () => {
      const { tip, owner, warning } = await theScene();
      const shown = await api(owner, 'POST', `/api/v1/village-tips/${tip.id}/reporter`, {
        reason: 'Konfirmasi lokasi',
      });
      expect(shown.statusCode).toBe(200);
      expect(shown.json()).toMatchObject({
        name: identity.reporterName,
        phone: identity.reporterPhone,
        recordedBy: pimpasaName,
      });
      const browser = await as(owner);
      const before = await browser.get(`/officer/desa-binaan/tips/${tip.id}`);
      hides(before.body);
      // The warning form starts from the tip's village and whom it names, never from who sent it.
      expect(before.body).toMatch(new RegExp(`name="areaCode"[^>]*value="${tip.villageCode!.replaceAll('.', '\\.')}"`));
      const page = await browser.post(`/officer/desa-binaan/tips/${tip.id}/reporter`, { reason: 'Konfirmasi lokasi' });
      expect(page.body).toContain(identity.reporterName);
      expect(page.headers['cache-control']).toContain('no-store');
      const unreasoned = await api(owner, 'POST', `/api/v1/village-tips/${tip.id}/reporter`, { reason: ' ' });
      expect(unreasoned.statusCode).toBe(422);

      const audits = await ctx.db
        .select()
        .from(auditLog)
        .where(inArray(auditLog.targetId, [tip.id, warning.id]));
      expect(audits.filter((a) => a.action === 'village_tip.reporter_shown')).toHaveLength(2);
      hides(JSON.stringify(audits));
      hides(JSON.stringify(await ctx.db.select().from(villageTipActions).where(eq(villageTipActions.tipId, tip.id))));
      hides(
        JSON.stringify(
          await ctx.db.select().from(villageWarningActions).where(eq(villageWarningActions.warningId, warning.id)),
        ),
      );
    });

    it('keeps the reason for a look at the sender, and the channel, from whoever may not see the sender', async () => {
      const s = await scene();
      // The officer who saw the identity writes it into the reason: only those who may see the sender read it.
      const reason = `Telepon balik ${identity.reporterName} di ${identity.reporterPhone}`;
      const shown = await api(s.owner, 'POST', `/api/v1/village-tips/${s.tip.id}/reporter`, { reason });
      expect(shown.statusCode).toBe(200);
      const channelBits = ['village_officer', 'Melalui PIMPASA', 'Through PIMPASA'];
      const readers: [OfficerRole, string][] = [
        ['head_of_office', s.unit.code],
        ['head_of_office', 'KANWIL-NTT'],
        ['oversight_officer', 'KANWIL-NTT'],
        ['counter_officer', s.unit.code],
        ['admin', s.unit.code],
      ];
      for (const [role, unitCode] of readers) {
        const reader = await makeOfficer(ctx.db, { role, unitCode });
        const seen = [
          (await (await as(reader)).get(`/officer/desa-binaan/tips/${s.tip.id}`)).body,
          (await (await as(reader)).get('/officer/desa-binaan/tips')).body,
          (await api(reader, 'GET', `/api/v1/village-tips/${s.tip.id}`)).body,
          (await api(reader, 'GET', '/api/v1/village-tips')).body,
        ];
        for (const body of seen) {
          hides(body);
          expect(body).not.toContain('Telepon balik');
          for (const bit of channelBits) expect(body).not.toContain(bit);
        }
        if (role === 'head_of_office') expect(seen[0]).toContain('Identitas pelapor dilihat');
      }
      const own = (await (await as(s.owner)).get(`/officer/desa-binaan/tips/${s.tip.id}`)).body;
      expect(own).toContain('Telepon balik');
      expect(own).toContain('Melalui PIMPASA');
      expect((await api(s.owner, 'GET', `/api/v1/village-tips/${s.tip.id}`)).json().tip.channel).toBe(
        'village_officer',
      );
    });
  },
);

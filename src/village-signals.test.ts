import { expect, it } from 'vitest';
import { describeApp } from '../test/db.ts';
import { makeOfficer, makeUnit, sessionCookie } from '../test/factories.ts';
import { Browser } from '../test/http.ts';
import { raiseWarning } from '../test/desa-binaan-factories.ts';
import { freeVillage, makeAdoptedVillage } from './adopted-villages/test-support.ts';
import { caseApi, makeCase } from './cases/test-support.ts';
import { makeTip } from './village-tips/test-support.ts';

describeApp('a village’s signals on the office’s Desa Binaan pages', (ctx) => {
  const { act, officer } = caseApi(ctx);

  it('counts the applications from the village, their deferrals by reason, its tips and open warnings', async () => {
    const unit = await makeUnit(ctx.db, { kind: 'kanim' });
    const { villageCode } = await freeVillage(ctx.db);
    await makeAdoptedVillage(ctx.db, { villageCode, unitCode: unit.code });
    const verifier = await officer('verifier', unit.code);
    const checklist = { purpose: 'Wisata', destination: 'Malaysia', answersConsistent: false };
    for (const reasonCode of ['pmi_non_procedural', 'pmi_non_procedural', 'documents_not_supplied']) {
      const c = await makeCase(ctx.db, {
        unitCode: unit.code,
        status: 'biometrics_captured',
        holderId: verifier.id,
        villageCode,
      });
      const res = await act(verifier, c.id, {
        type: 'interview',
        checklist,
        outcome: 'defer',
        reason: 'Tidak dapat menyebut hotel dan tiket',
        reasonCode,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    // Submitted from elsewhere: not this village's.
    await makeCase(ctx.db, { unitCode: unit.code, status: 'biometrics_captured' });
    await makeTip(ctx.db, { villageCode });
    await raiseWarning(ctx.db, { unitCode: unit.code, kind: 'village', summary: 'Calo aktif', areaCode: villageCode });
    await raiseWarning(ctx.db, {
      unitCode: unit.code,
      kind: 'village',
      summary: 'Sudah selesai',
      areaCode: villageCode,
      status: 'closed',
    });

    const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: unit.code });
    const page = await new Browser(ctx.app)
      .setCookie(await sessionCookie(ctx.db, head))
      .get(`/officer/desa-binaan/${villageCode}`);
    expect(page.statusCode).toBe(200);
    const text = page.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('Permohonan paspor 3 ');
    expect(text).toContain('3 (Dugaan PMI non-prosedural: 2, Data pendukung tidak dilengkapi dalam 30 hari: 1)');
    expect(text).toContain('Informasi warga 1 ');
    expect(text).toContain('Peringatan terbuka 1 ');
  });
});

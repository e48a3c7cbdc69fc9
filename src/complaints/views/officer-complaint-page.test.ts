import { expect, it } from 'vitest';
import { describeApp } from '../../../test/db.ts';
import { makeOfficer, makeUnit, sessionCookie } from '../../../test/factories.ts';
import { Browser } from '../../../test/http.ts';
import { translator } from '../../platform/i18n/index.ts';
import { makeComplaint } from '../test-support.ts';

const tId = translator('id');

/** Every id on the page that occurs more than once. */
const duplicateIds = (html: string) => {
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
  return ids.filter((id, i) => ids.indexOf(id) !== i);
};

describeApp('officer complaint page', (ctx) => {
  async function received() {
    const unit = await makeUnit(ctx.db);
    const head = await makeOfficer(ctx.db, { role: 'head_of_office', unitCode: unit.code });
    const { complaint } = await makeComplaint(ctx.db, ctx.config, { unitCode: unit.code });
    return { complaint, browser: new Browser(ctx.app).setCookie(await sessionCookie(ctx.db, head)) };
  }

  it('gives each step’s text box an id of its own, with its label tied to it', async () => {
    const { complaint, browser } = await received();
    const page = await browser.get(`/officer/complaints/${complaint.id}`);
    expect(page.statusCode).toBe(200);
    expect(duplicateIds(page.body)).toEqual([]);
    const boxes = [...page.body.matchAll(/<textarea id="([^"]+)" name="text"/g)].map((m) => m[1]!);
    // A received complaint may be verified, archived, replied to or noted: four text boxes.
    expect(boxes).toEqual(['f-text-verify', 'f-text-archive', 'f-text-reply', 'f-text-note']);
    expect(page.body).toContain(`<label for="f-text-archive">${tId('complaints.fields.archiveReason')}</label>`);
    expect(page.body).toContain(`<label for="f-text-reply">${tId('complaints.fields.text')}</label>`);
    for (const box of boxes) expect(page.body.match(new RegExp(`<label for="${box}">`, 'g')), box).toHaveLength(1);
  });

  it('marks the refused step’s box and links the error summary to it, not to another step’s', async () => {
    const { complaint, browser } = await received();
    const url = `/officer/complaints/${complaint.id}`;
    const res = await browser.post(`${url}/actions`, { step: 'archive', text: '' }, url);
    expect(res.statusCode).toBe(422);
    expect(duplicateIds(res.body)).toEqual([]);
    expect(res.body).toMatch(/<a href="#f-text-archive">[^<]+<\/a>/);
    expect(res.body).toContain(
      '<textarea id="f-text-archive" name="text" rows="3" aria-invalid="true" aria-describedby="f-text-archive-error">',
    );
    expect(res.body).toContain('<textarea id="f-text-note" name="text" rows="3">');
  });
});

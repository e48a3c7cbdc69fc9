import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { expect, it } from 'vitest';
import { describeApp } from '../../test/db.ts';
import { makeCitizen, makeOfficer } from '../../test/factories.ts';
import { jpeg } from '../../test/uploads.ts';
import { foreignerReferences } from '../foreigner-references.ts';
import { recordDeparture } from '../foreigners/record-departure.ts';
import { foreigners, travelDocuments } from '../foreigners/schema.ts';
import { callerAs, makeStayPermit } from '../stay-permits/test-support.ts';
import { auditLog } from '../platform/audit/schema.ts';
import { queryRows } from '../platform/db/index.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import { jobs } from '../platform/jobs/schema.ts';
import { STORAGE_DELETE_JOB } from '../platform/storage/delete-job.ts';
import { deleteOldStays, PHOTO_DELETE_ATTEMPTS } from './delete-old-stays.ts';
import { flagStays } from './flag-stays.ts';
import { FLAG_JOB, RETENTION_JOB } from './oversight-jobs.ts';
import { addManager, makeLodging, makeStay } from './oversight-test-support.ts';
import { stayNotices, stays } from './schema.ts';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

describeApp(
  'oversight jobs: flags and retention',
  (ctx) => {
    const mailsTo = async (to: string) =>
      ctx.db
        .select({ payload: jobs.payload })
        .from(jobs)
        .where(and(eq(jobs.kind, 'mail.send'), sql`${jobs.payload}->>'to' = ${to}`));

    it('queues the daily runs when the app starts, once', async () => {
      const waiting = await ctx.db
        .select()
        .from(jobs)
        .where(and(inArray(jobs.kind, [FLAG_JOB, RETENTION_JOB]), sql`done_at is null`));
      expect(waiting.map((j) => j.kind).sort()).toEqual([FLAG_JOB, RETENTION_JOB]);
      for (const job of waiting) expect(job.runAt.getTime()).toBeGreaterThan(Date.now());
    });

    it('flags late check-ins and missing check-outs to the lodging once per stay and kind', async () => {
      const today = witaDate();
      const manager = await makeCitizen(ctx.db);
      const hotel = await makeLodging(ctx.db);
      await addManager(ctx.db, hotel, manager.id);
      const late = await makeStay(ctx.db, hotel, { late: true, checkInAt: daysAgo(2), reportedAt: daysAgo(1) });
      const gone = await makeStay(ctx.db, hotel, { expectedCheckOutOn: addDays(today, -1), checkInAt: daysAgo(4) });
      const both = await makeStay(ctx.db, hotel, {
        late: true,
        expectedCheckOutOn: addDays(today, -2),
        checkInAt: daysAgo(5),
      });
      const fine = await makeStay(ctx.db, hotel, { expectedCheckOutOn: today });
      const left = await makeStay(ctx.db, hotel, { expectedCheckOutOn: addDays(today, -1), checkOutAt: daysAgo(1) });

      const flagged = await ctx.db.transaction((tx) => flagStays(tx, today));
      expect(flagged).toBeGreaterThanOrEqual(4);
      const notices = await ctx.db
        .select({ stayId: stayNotices.stayId, kind: stayNotices.kind })
        .from(stayNotices)
        .where(eq(stayNotices.lodgingId, hotel.id));
      expect(notices.map((n) => `${n.stayId}:${n.kind}`).sort()).toEqual(
        [
          `${late.id}:late_check_in`,
          `${gone.id}:missing_check_out`,
          `${both.id}:late_check_in`,
          `${both.id}:missing_check_out`,
        ].sort(),
      );
      const [mail, ...more] = await mailsTo(manager.email);
      expect(more).toHaveLength(0);
      const text = String(mail!.payload.text);
      for (const s of [late, gone, both]) expect(text).toContain(s.receiptNumber);
      for (const s of [fine, left]) expect(text).not.toContain(s.receiptNumber);

      // A rerun tells nobody again; the next day's run tells only about the guest whose departure passed since.
      expect(await ctx.db.transaction((tx) => flagStays(tx, today))).toBe(0);
      expect(await mailsTo(manager.email)).toHaveLength(1);
      await ctx.db.transaction((tx) => flagStays(tx, addDays(today, 1)));
      const [, next] = await mailsTo(manager.email);
      expect(String(next!.payload.text)).toContain(fine.receiptNumber);
      for (const s of [late, gone, both]) expect(String(next!.payload.text)).not.toContain(s.receiptNumber);
      expect(await ctx.db.select().from(stayNotices).where(eq(stayNotices.lodgingId, hotel.id))).toHaveLength(5);
    });

    it('mails the address the lodging registered with when it has no manager left', async () => {
      const hotel = await makeLodging(ctx.db);
      await makeStay(ctx.db, hotel, { late: true });
      await ctx.db.transaction((tx) => flagStays(tx));
      expect(await mailsTo(hotel.email)).toHaveLength(1);
    });

    it('deletes only the stays that ended before the retention period, in batches, with one audit entry', async () => {
      const hotel = await makeLodging(ctx.db);
      const oldOut = await makeStay(ctx.db, hotel, { checkInAt: daysAgo(805), checkOutAt: daysAgo(800) });
      const oldOpen = await makeStay(ctx.db, hotel, { checkInAt: daysAgo(800), late: true });
      const oldOut2 = await makeStay(ctx.db, hotel, { checkInAt: daysAgo(760), checkOutAt: daysAgo(740) });
      await ctx.db.insert(stayNotices).values({ stayId: oldOpen.id, kind: 'late_check_in', lodgingId: hotel.id });
      const longStay = await makeStay(ctx.db, hotel, { checkInAt: daysAgo(800), checkOutAt: daysAgo(100) });
      const recent = await makeStay(ctx.db, hotel, { checkInAt: daysAgo(10), checkOutAt: daysAgo(9) });
      const open = await makeStay(ctx.db, hotel);

      const deleted = await deleteOldStays(ctx.db, 730, foreignerReferences, new Date(), 2);
      expect(deleted).toEqual({ stays: 3, foreigners: 3 });
      const kept = await ctx.db.select({ id: stays.id }).from(stays).where(eq(stays.lodgingId, hotel.id));
      expect(kept.map((s) => s.id).sort()).toEqual([longStay.id, recent.id, open.id].sort());
      for (const gone of [oldOut, oldOpen, oldOut2]) expect(kept.map((s) => s.id)).not.toContain(gone.id);
      expect(await ctx.db.select().from(stayNotices).where(eq(stayNotices.stayId, oldOpen.id))).toHaveLength(0);
      const [entry] = await ctx.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'lodging.staysDeleted'))
        .orderBy(desc(auditLog.id))
        .limit(1);
      expect(entry?.details).toMatchObject({
        count: 3,
        foreigners: 3,
        retentionDays: 730,
        system: 'lodgings.retention',
      });

      expect(await deleteOldStays(ctx.db, 730, foreignerReferences)).toEqual({ stays: 0, foreigners: 0 });
    });

    it('deletes the people known only from the stays it deletes, and keeps anyone another record names', async () => {
      const hotel = await makeLodging(ctx.db);
      const old = { checkInAt: daysAgo(805), checkOutAt: daysAgo(800) };
      const again = (stay: { foreignerId: string; documentNumber: string }, more: Partial<typeof old> = old) =>
        makeStay(ctx.db, hotel, { foreignerId: stay.foreignerId, documentNumber: stay.documentNumber, ...more });
      const onlyOld = await makeStay(ctx.db, hotel, old);
      // Two old stays, perhaps in different batches of two: the person goes once neither is left.
      const twiceOld = await makeStay(ctx.db, hotel, old);
      await again(twiceOld);
      const cameBack = await makeStay(ctx.db, hotel, old);
      await again(cameBack, { checkInAt: daysAgo(3) });
      const permitted = await makeStay(ctx.db, hotel, old);
      await makeStayPermit(ctx.db, { foreignerId: permitted.foreignerId });
      const departed = await makeStay(ctx.db, hotel, old);
      const officer = await makeOfficer(ctx.db, { role: 'counter_officer' });
      await ctx.db.transaction((tx) =>
        recordDeparture(tx, callerAs(officer), {
          who: { foreignerId: departed.foreignerId },
          departedOn: witaDate(daysAgo(799)),
          place: 'Bandara El Tari',
        }),
      );

      expect(await deleteOldStays(ctx.db, 730, foreignerReferences, new Date(), 2)).toEqual({
        stays: 6,
        foreigners: 2,
      });
      const people = (ids: string[]) => ctx.db.select().from(foreigners).where(inArray(foreigners.id, ids));
      expect(await people([onlyOld.foreignerId, twiceOld.foreignerId])).toEqual([]);
      const documents = await ctx.db
        .select()
        .from(travelDocuments)
        .where(inArray(travelDocuments.foreignerId, [onlyOld.foreignerId, twiceOld.foreignerId]));
      expect(documents).toEqual([]);
      const kept = await people([cameBack.foreignerId, permitted.foreignerId, departed.foreignerId]);
      expect(kept).toHaveLength(3);
      const [entry] = await ctx.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'lodging.staysDeleted'))
        .orderBy(desc(auditLog.id))
        .limit(1);
      expect(entry?.details).toMatchObject({ count: 6, foreigners: 2 });
      expect(JSON.stringify(entry)).not.toContain(onlyOld.foreignerId);
    });

    it('knows every table that names a foreigner, so retention never deletes a person still named', async () => {
      const named = await queryRows<{ table_name: string }>(
        ctx.db,
        sql`select table_name from information_schema.columns
          where column_name = 'foreigner_id' and table_schema = current_schema() order by table_name`,
      );
      const dialect = new PgDialect();
      const covered = foreignerReferences.map((reference) => dialect.sqlToQuery(reference(sql`f.id`)).sql).join(' ');
      // The register's own tables (documents, departures, arrivals) are the deletion's own business.
      const own = ['travel_documents', 'departures', 'arrivals'];
      const outside = named.map((r) => r.table_name).filter((t) => !own.includes(t));
      expect(outside.length).toBeGreaterThanOrEqual(4);
      for (const table of outside) expect(covered, table).toContain(`"${table}"`);
    });

    it('deletes a deleted stay’s biodata photo through storage, once the deletion has committed', async () => {
      const { storage } = ctx.app.deps;
      const hotel = await makeLodging(ctx.db);
      const photoKey = () => `lodgings/${hotel.id}/stays/${crypto.randomUUID()}/biodata-${crypto.randomUUID()}`;
      const [oldKey, keptKey] = [photoKey(), photoKey()];
      for (const key of [oldKey, keptKey]) await storage.put(key, jpeg, 'image/jpeg');
      const old = await makeStay(ctx.db, hotel, {
        checkInAt: daysAgo(805),
        checkOutAt: daysAgo(800),
        documentPhotoKey: oldKey,
      });
      await makeStay(ctx.db, hotel, { documentPhotoKey: keptKey });

      expect(await deleteOldStays(ctx.db, 730, foreignerReferences)).toMatchObject({ stays: 1 });
      expect(await ctx.db.select().from(stays).where(eq(stays.id, old.id))).toHaveLength(0);
      const deletions = await ctx.db
        .select()
        .from(jobs)
        .where(and(eq(jobs.kind, STORAGE_DELETE_JOB), sql`${jobs.payload}->>'key' = ${oldKey}`));
      expect(deletions).toMatchObject([{ maxAttempts: PHOTO_DELETE_ATTEMPTS, doneAt: null }]);
      // The file outlives its row until the job runs after the commit, never the other way round.
      expect((await storage.get(oldKey)).mediaType).toBe('image/jpeg');
      await ctx.app.deps.jobs.runDue();
      await expect(storage.get(oldKey)).rejects.toMatchObject({ code: 'not_found' });
      expect((await storage.get(keptKey)).mediaType).toBe('image/jpeg');
    });

    it("runs each daily job through the runner, which queues the next day's run", async () => {
      await ctx.db
        .update(jobs)
        .set({ runAt: new Date() })
        .where(inArray(jobs.kind, [FLAG_JOB, RETENTION_JOB]));
      await ctx.app.deps.jobs.runDue();
      const all = await ctx.db
        .select()
        .from(jobs)
        .where(inArray(jobs.kind, [FLAG_JOB, RETENTION_JOB]));
      expect(all.filter((j) => j.doneAt !== null)).toHaveLength(2);
      const waiting = all.filter((j) => j.doneAt === null && j.failedAt === null);
      expect(waiting.map((j) => j.kind).sort()).toEqual([FLAG_JOB, RETENTION_JOB]);
      for (const job of waiting) expect(job.runAt.getTime()).toBeGreaterThan(Date.now());
    });
  },
  {},
  { ownDatabase: true },
);

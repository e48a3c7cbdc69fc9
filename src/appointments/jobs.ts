import type { Db } from '../platform/db/index.ts';
import type { JobRunner } from '../platform/jobs/runner.ts';
import { REMIND_JOB, remindUnpaid } from './billing-reminder.ts';
import { EXPIRE_JOB } from './book-appointment.ts';
import { CONFIRM_JOB, confirmBooking } from './confirm-booking.ts';
import { expireUnpaid } from './expire-unpaid.ts';

export function registerAppointmentJobs(jobs: JobRunner, db: Db, publicUrl: string): void {
  jobs.register(EXPIRE_JOB, async (payload) => {
    await db.transaction((tx) => expireUnpaid(tx, String(payload.appointmentId), { publicUrl }));
  });
  jobs.register(CONFIRM_JOB, async (payload) => {
    await db.transaction((tx) => confirmBooking(tx, String(payload.appointmentId), publicUrl));
  });
  jobs.register(REMIND_JOB, async (payload) => {
    await db.transaction((tx) => remindUnpaid(tx, String(payload.appointmentId), publicUrl));
  });
}

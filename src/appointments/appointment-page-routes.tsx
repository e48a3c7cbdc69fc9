import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { qrDataUrl } from '../platform/views/qr.ts';
import { z } from 'zod';
import { csrfField, isoDateField } from '../platform/http/fields.ts';
import { AppError } from '../platform/errors.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import type { FormState } from '../platform/views/form.tsx';
import { paymentChannelGroups } from '../payments/payment-channels.ts';
import { HowToPayPage } from '../payments/views/how-to-pay-page.tsx';
import { bookingAssets } from './booking-asset-routes.ts';
import { bookingCalendar } from './booking-calendar.ts';
import { bookingDetails } from './booking-details.ts';
import { calendarFile } from './calendar-file.ts';
import { cancelAppointment } from './cancel-appointment.ts';
import { authorizedApplication } from './own-application.ts';
import { renderReceiptPdf } from './receipt-pdf.ts';
import { canReschedule, rescheduleAppointment } from './reschedule-appointment.ts';
import { ConfirmationPage } from './views/confirmation-page.tsx';
import { CancelPage, ReschedulePage } from './views/manage-pages.tsx';

const Params = z.object({ id: z.uuid() });
const values = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;

/** The booked appointment: confirmation page, PDF receipt, calendar file, and the pages to move or cancel it. */
export function registerAppointmentPages(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config, secrets } = app.deps;
  const db = () => app.deps.database.db;
  const base = (id: string) => `/applications/${id}/appointment`;

  /** The application and its live appointment, for someone the policy lets see (or change) it. */
  const booking = async (req: FastifyRequest, action: 'application.book' | 'application.view') => {
    const actor = requireActor(req);
    const application = await authorizedApplication(db(), actor, (req.params as { id: string }).id, action);
    const details = await bookingDetails(db(), application, secrets.qr);
    if (!details) throw new AppError('not_found');
    return { actor, details };
  };

  app.get('/applications/:id/appointment', { schema: { hide: true, params: Params } }, async (req, reply) => {
    const actor = requireActor(req);
    const application = await authorizedApplication(db(), actor, req.params.id, 'application.view');
    const details = await bookingDetails(db(), application, secrets.qr);
    if (!details) return reply.redirect(`/applications/${application.id}/book`, 303);
    const qrImage = await qrDataUrl(details.qr, 220);
    return reply.page(
      <ConfirmationPage
        ctx={reply.ctx()}
        details={details}
        qrImage={qrImage}
        assets={bookingAssets}
        canReschedule={canReschedule(details.appointment)}
      />,
    );
  });

  app.get(
    '/applications/:id/appointment/cara-membayar',
    { schema: { hide: true, params: Params } },
    async (req, reply) => {
      const { details } = await booking(req, 'application.view');
      const bill = {
        ...details.billing,
        trackingCode: details.application.trackingCode,
        back: base(details.application.id),
      };
      return reply.page(<HowToPayPage ctx={reply.ctx()} groups={await paymentChannelGroups(db())} bill={bill} />);
    },
  );

  app.get(
    '/applications/:id/appointment/receipt.pdf',
    { schema: { hide: true, params: Params } },
    async (req, reply) => {
      const { details } = await booking(req, 'application.view');
      const pdf = await renderReceiptPdf(details, req.t, req.lang);
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header(
          'content-disposition',
          `attachment; filename="bukti-pendaftaran-${details.application.trackingCode}.pdf"`,
        )
        .send(pdf);
    },
  );

  app.get(
    '/applications/:id/appointment/calendar.ics',
    { schema: { hide: true, params: Params } },
    async (req, reply) => {
      const { details } = await booking(req, 'application.view');
      const ics = await calendarFile(details, req.t, req.lang, `${config.publicUrl}${base(details.application.id)}`);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="paspor-${details.application.trackingCode}.ics"`)
        .send(ics);
    },
  );

  const reschedulePage = async (req: FastifyRequest, reply: FastifyReply, state: FormState = {}, status?: number) => {
    const { details } = await booking(req, 'application.book');
    const { application, appointment, unit } = details;
    if (!canReschedule(appointment)) throw new AppError('reschedule_not_allowed');
    const days = await bookingCalendar(
      db(),
      {
        unitCode: appointment.unitCode,
        channel: appointment.channel,
        passportType: application.passportType ?? 'biasa',
      },
      config.booking,
    );
    return reply.page(
      <ReschedulePage
        ctx={reply.ctx()}
        application={application}
        appointment={appointment}
        unitName={unit.name}
        days={days}
        state={state}
        assets={bookingAssets}
      />,
      status,
    );
  };
  app.get('/applications/:id/appointment/reschedule', { schema: { hide: true, params: Params } }, (req, reply) =>
    reschedulePage(req, reply),
  );
  app.post(
    '/applications/:id/appointment/reschedule',
    {
      schema: { hide: true, params: Params, body: z.object({ ...csrfField, date: isoDateField }) },
      config: {
        errorPage: (req, reply, error, fields) =>
          reschedulePage(req, reply, { values: values(req), errors: formErrors(req.t, error, fields) }, error.status),
      },
    },
    async (req, reply) => {
      const { actor, details } = await booking(req, 'application.book');
      const input = { applicationId: details.application.id, date: req.body.date };
      await db().transaction((tx) =>
        rescheduleAppointment(tx, callerOf(req, actor), input, config.booking, secrets.qr),
      );
      return reply.redirect(base(details.application.id), 303);
    },
  );

  const cancelPage = async (req: FastifyRequest, reply: FastifyReply, state: FormState = {}, status?: number) => {
    const { details } = await booking(req, 'application.book');
    return reply.page(
      <CancelPage
        ctx={reply.ctx()}
        application={details.application}
        appointment={details.appointment}
        unitName={details.unit.name}
        state={state}
      />,
      status,
    );
  };
  app.get('/applications/:id/appointment/cancel', { schema: { hide: true, params: Params } }, (req, reply) =>
    cancelPage(req, reply),
  );
  app.post(
    '/applications/:id/appointment/cancel',
    {
      schema: { hide: true, params: Params, body: z.object(csrfField) },
      config: {
        errorPage: (req, reply, error, fields) =>
          cancelPage(req, reply, { errors: formErrors(req.t, error, fields) }, error.status),
      },
    },
    async (req, reply) => {
      const { actor, details } = await booking(req, 'application.book');
      await db().transaction((tx) =>
        cancelAppointment(tx, callerOf(req, actor), { applicationId: details.application.id }),
      );
      return reply.redirect(`/applications/${details.application.id}/book?cancelled=1`, 303);
    },
  );
}

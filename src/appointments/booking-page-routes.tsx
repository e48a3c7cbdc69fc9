import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isBooked } from '../applications/application-statuses.ts';
import { csrfField, isoDateField } from '../platform/http/fields.ts';
import { AppError } from '../platform/errors.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import type { FormState } from '../platform/views/form.tsx';
import { getUnit } from '../units/list-units.ts';
import { bookAppointment } from './book-appointment.ts';
import {
  admitOrWait,
  checkPass,
  passForBooking,
  waitPaid,
  waitingRoomPath,
  type WaitingRoom,
} from '../waiting-room/register.ts';
import { bookingAssets } from './booking-asset-routes.ts';
import { bookingCalendar } from './booking-calendar.ts';
import type { FormProof } from '../platform/proof/form-proof.ts';
import { proofAssets } from '../platform/proof/assets.ts';
import { bookingSettings } from './booking-settings.ts';
import { channelOf } from './date-rules.ts';
import { authorizedApplication } from './own-application.ts';
import { BookingPage } from './views/booking-page.tsx';
import { acceptOffer, joinWaitlist, leaveWaitlist, waitlistEntries } from './waitlist.ts';
import { formText } from '../platform/http/fields.ts';

const Params = z.object({ id: z.uuid() });
const EntryParams = Params.extend({ entryId: z.uuid() });
const values = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;

type PageExtra = { state?: FormState; status?: number; keepToken?: string; notice?: string };

/** A booking form is good for one application and the account that opened it. */
const formSubject = (applicationId: string, accountId: string) => `booking:${applicationId}:${accountId}`;

/** The booking form (dates, anti-scalper proof) and the waitlist actions beside it; all the applicant's own. */
export function registerBookingPages(fastify: FastifyInstance, proof: FormProof, room: WaitingRoom): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config, secrets } = app.deps;
  const db = () => app.deps.database.db;
  const own = async (req: FastifyRequest) => {
    const actor = requireActor(req);
    const application = await authorizedApplication(db(), actor, (req.params as { id: string }).id, 'application.book');
    return { actor, application };
  };

  const bookingPage = async (req: FastifyRequest, reply: FastifyReply, extra: PageExtra = {}) => {
    const { actor, application } = await own(req);
    if (isBooked(application.status)) return reply.redirect(`/applications/${application.id}/appointment`, 303);
    // Nothing to book (a draft, a withdrawn application, a case already at the office): back to the application.
    if (application.status !== 'submitted' || !application.unitCode || !application.passportType)
      return reply.redirect(`/applications/${application.id}`, 303);
    // At quota release the booking form is reached through the waiting room, which hands over a single-use pass.
    let pass: { pass: string; paid: boolean } | undefined;
    if (room.active()) {
      const turn = await admitOrWait(db(), room, { unitCode: application.unitCode, accountId: actor.id }, true);
      if (!turn?.pass)
        return reply.redirect(waitingRoomPath(application.unitCode, `/applications/${application.id}/book`), 303);
      const checked = checkPass(room.key, turn.pass.pass, { unitCode: application.unitCode, accountId: actor.id });
      pass = { pass: turn.pass.pass, paid: waitPaid(checked, bookingSettings.formMinSeconds) };
    }
    const target = {
      unitCode: application.unitCode,
      channel: channelOf(application),
      passportType: application.passportType,
    };
    const unit = await getUnit(db(), application.unitCode);
    const days = await bookingCalendar(db(), target, config.booking);
    const entries = await waitlistEntries(db(), application.id);
    const issued = await proof.issue(formSubject(application.id, actor.id), extra.keepToken);
    const form = { token: issued.token, challenge: JSON.stringify(issued.challenge), readyAt: issued.readyAt };
    const settings = { formMinSeconds: bookingSettings.formMinSeconds, opensAt: config.booking.opensAt };
    return reply.page(
      <BookingPage
        ctx={reply.ctx()}
        application={application}
        unitName={unit.name}
        days={days}
        form={form}
        pass={pass}
        entries={entries}
        state={extra.state ?? {}}
        notice={extra.notice}
        assets={{ ...bookingAssets, proof: proofAssets() }}
        settings={settings}
      />,
      extra.status,
    );
  };
  const formAgain = (req: FastifyRequest, reply: FastifyReply, error: AppError, fields: Record<string, string>) => {
    // A form refused only for coming too soon (or in another's turn) keeps its token, so the wait spent still counts.
    const keepToken = proof.isWaitRefusal(error.fields?.proof) ? formText(values(req).formToken) : undefined;
    return bookingPage(req, reply, {
      state: { values: values(req), errors: formErrors(req.t, error, fields) },
      status: error.status,
      keepToken,
    });
  };

  app.get(
    '/applications/:id/book',
    { schema: { hide: true, params: Params, querystring: z.object({ cancelled: z.literal('1').optional() }) } },
    (req, reply) => bookingPage(req, reply, { notice: req.query.cancelled ? req.t('booking.cancelled') : undefined }),
  );

  app.post(
    '/applications/:id/book',
    {
      schema: {
        hide: true,
        params: Params,
        body: z.object({
          ...csrfField,
          date: isoDateField,
          formToken: z.string().max(300).default(''),
          altcha: z.string().max(20_000).optional(),
          waitingRoomPass: z.string().max(200).optional(),
        }),
      },
      config: {
        // Per account when signed in (scalpers rotate IPs, not verified accounts), else per IP, as on the API.
        rateLimit: {
          max: config.booking.ratePerMinute,
          timeWindow: 60_000,
          keyGenerator: (req) => req.actor?.id ?? req.ip,
        },
        errorPage: formAgain,
      },
    },
    async (req, reply) => {
      const { actor, application } = await own(req);
      const pass = passForBooking(
        room,
        { unitCode: application.unitCode, accountId: actor.id },
        isBooked(application.status),
        req.body.waitingRoomPass,
      );
      // The proof of work is paid while waiting: a pass that waited long enough stands for it.
      if (!waitPaid(pass, bookingSettings.formMinSeconds))
        await proof.check({
          token: req.body.formToken,
          altcha: req.body.altcha,
          subject: formSubject(application.id, actor.id),
        });
      await db().transaction((tx) =>
        bookAppointment(
          tx,
          callerOf(req, actor),
          { applicationId: application.id, date: req.body.date, pass },
          config.booking,
          secrets.qr,
        ),
      );
      return reply.redirect(`/applications/${application.id}/appointment`, 303);
    },
  );

  app.post(
    '/applications/:id/waitlist',
    {
      schema: { hide: true, params: Params, body: z.object({ ...csrfField, date: isoDateField }) },
      config: { errorPage: formAgain },
    },
    async (req, reply) => {
      const { actor, application } = await own(req);
      await db().transaction((tx) =>
        joinWaitlist(tx, callerOf(req, actor), { applicationId: application.id, date: req.body.date }, config.booking),
      );
      return reply.redirect(`/applications/${application.id}/book`, 303);
    },
  );

  app.post(
    '/applications/:id/waitlist/:entryId/accept',
    { schema: { hide: true, params: EntryParams, body: z.object(csrfField) }, config: { errorPage: formAgain } },
    async (req, reply) => {
      const { actor, application } = await own(req);
      const input = { applicationId: application.id, entryId: req.params.entryId };
      await db().transaction((tx) => acceptOffer(tx, callerOf(req, actor), input, config.booking, secrets.qr));
      return reply.redirect(`/applications/${application.id}/appointment`, 303);
    },
  );

  app.post(
    '/applications/:id/waitlist/:entryId/leave',
    { schema: { hide: true, params: EntryParams, body: z.object(csrfField) }, config: { errorPage: formAgain } },
    async (req, reply) => {
      const { actor, application } = await own(req);
      await db().transaction((tx) =>
        leaveWaitlist(tx, callerOf(req, actor), { applicationId: application.id, entryId: req.params.entryId }),
      );
      return reply.redirect(`/applications/${application.id}/book`, 303);
    },
  );
}

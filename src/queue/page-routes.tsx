import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isIsoDate } from '../platform/calendar/wita.ts';
import type { AppError, FieldErrors } from '../platform/errors.ts';
import { csrfField, isoDateField } from '../platform/http/fields.ts';
import { formErrors, translateFields } from '../platform/http/errors.ts';
import { formatDay } from '../platform/i18n/index.ts';
import { callerOf } from '../platform/http/guards.ts';
import type { FormState } from '../platform/views/form.tsx';
import { getUnit } from '../units/list-units.ts';
import { callNextTicket } from './call-next-ticket.ts';
import { checkInArrival } from './check-in-arrival.ts';
import { endOfWitaDay, listedCounter, requireListedCounter } from './counters.ts';
import { deskOfficer } from './desk-access.ts';
import { counterView, issuedTicket } from './desk-views.ts';
import { markNoShow } from './mark-no-show.ts';
import { readableHours } from './opening-now.ts';
import { queueBoard } from './queue-board.ts';
import { recallTicket } from './recall-ticket.ts';
import { registerPriorityWalkIn } from './register-priority-walk-in.ts';
import { priorityReasons } from './schema.ts';
import { CounterPage } from './views/counter-page.tsx';
import { DisplayPage } from './views/display-page.tsx';
import { ReceptionPage, TicketSlip, type ReceptionForms } from './views/reception-page.tsx';

const UnitParams = z.object({ code: z.string().min(1).max(40) });
const text = (max: number) => z.string().trim().min(1, 'v.required').max(max, 'v.tooLong');
const counterField = text(40);
const CheckInBody = z.discriminatedUnion('via', [
  z.object({ ...csrfField, via: z.literal('qr'), qr: text(500) }),
  z.object({ ...csrfField, via: z.literal('code'), trackingCode: text(40), birthDate: isoDateField }),
]);
/** Outside opening hours the officer ticks the override and gives the reason; without the tick a reason is ignored. */
const WalkInBody = z
  .object({
    ...csrfField,
    priorityTrackingCode: text(40),
    priorityBirthDate: isoDateField,
    reason: z.enum(priorityReasons, { error: 'v.choose' }),
    outsideHours: z.literal('yes').optional(),
    outsideHoursReason: z.string().trim().max(500, 'v.tooLong').optional(),
  })
  .refine((b) => b.outsideHours !== 'yes' || (b.outsideHoursReason ?? '').length >= 3, {
    message: 'v.required',
    path: ['outsideHoursReason'],
  });
const CallBody = z.object({ ...csrfField, counter: counterField });
const TicketBody = CallBody.extend({ ticketId: z.uuid() });
/** A no-show takes a ticket off the queue: only with the officer's explicit "yes" (a checkbox, no JavaScript needed). */
const NoShowBody = TicketBody.extend({ confirm: z.literal('yes', { error: 'v.required' }) });

const values = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;
const codeOf = (req: FastifyRequest) => (req.params as { code: string }).code;
/** The counter an officer picked, per unit, kept for the rest of the day on that unit's counter pages. */
const counterCookie = (code: string) => `loket_${code}`;

/**
 * A refusal's messages as the reader writes days and times: a date as "Selasa, 12 Mei 2026", opening hours as
 * "08.00–16.00" (the use case names them as the API does, 2026-05-12 and 08:00–16:00).
 */
function readableErrors(req: FastifyRequest, error: AppError, fields: FieldErrors): FieldErrors {
  const { date, hours } = error.params ?? {};
  if (!error.fields || (typeof date !== 'string' && typeof hours !== 'string')) return formErrors(req.t, error, fields);
  const params = {
    ...error.params,
    ...(typeof date === 'string' && isIsoDate(date) && { date: formatDay(req.lang, date) }),
    ...(typeof hours === 'string' && { hours: readableHours(req.lang, hours) }),
  };
  return translateFields(req.t, error.fields, params) ?? fields;
}

/** Reception, the counters and the public call display of a unit. */
export function registerQueuePages(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  app.get('/units/:code/antrian', { schema: { hide: true, params: UnitParams } }, async (req, reply) => {
    const unit = await getUnit(db(), req.params.code);
    return reply.page(<DisplayPage ctx={reply.ctx()} unit={unit} board={await queueBoard(db(), unit.code)} />);
  });

  const receptionPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    forms: ReceptionForms,
    status = 200,
    ticketId?: string,
  ) => {
    await deskOfficer(db(), req, 'queue.check_in');
    const unit = await getUnit(db(), codeOf(req));
    const issued = ticketId ? await issuedTicket(db(), unit.code, ticketId) : undefined;
    return reply.page(<ReceptionPage ctx={reply.ctx()} unit={unit} forms={forms} issued={issued} />, status);
  };
  const reception = (code: string, ticketId: string) =>
    `/officer/units/${encodeURIComponent(code)}/reception?ticket=${ticketId}`;

  app.get(
    '/officer/units/:code/reception',
    {
      schema: {
        hide: true,
        params: UnitParams,
        querystring: z.object({ ticket: z.uuid().optional(), print: z.enum(['1']).optional() }),
      },
    },
    async (req, reply) => {
      if (req.query.ticket && req.query.print) {
        await deskOfficer(db(), req, 'queue.check_in');
        const unit = await getUnit(db(), req.params.code);
        return reply.page(
          <TicketSlip ctx={reply.ctx()} unit={unit} issued={await issuedTicket(db(), unit.code, req.query.ticket)} />,
        );
      }
      return receptionPage(req, reply, {}, 200, req.query.ticket);
    },
  );

  app.post(
    '/officer/units/:code/reception/check-in',
    {
      schema: { hide: true, params: UnitParams, body: CheckInBody },
      config: {
        errorPage: (req, reply, error, fields) => {
          const state = { values: values(req), errors: readableErrors(req, error, fields) };
          return receptionPage(req, reply, values(req).via === 'code' ? { code: state } : { qr: state }, error.status);
        },
      },
    },
    async (req, reply) => {
      const actor = await deskOfficer(db(), req, 'queue.check_in');
      const { body } = req;
      const input =
        body.via === 'qr' ? { qr: body.qr } : { trackingCode: body.trackingCode, birthDate: body.birthDate };
      const admitted = await db().transaction((tx) =>
        checkInArrival(tx, callerOf(req, actor), { unitCode: req.params.code, ...input }, app.deps.secrets.qr),
      );
      return reply.redirect(reception(req.params.code, admitted.ticketId), 303);
    },
  );

  app.post(
    '/officer/units/:code/reception/walk-in',
    {
      schema: { hide: true, params: UnitParams, body: WalkInBody },
      config: {
        errorPage: (req, reply, error, fields) =>
          receptionPage(
            req,
            reply,
            { walkIn: { values: values(req), errors: readableErrors(req, error, fields) } },
            error.status,
          ),
      },
    },
    async (req, reply) => {
      const actor = await deskOfficer(db(), req, 'queue.walk_in');
      const {
        priorityTrackingCode: trackingCode,
        priorityBirthDate: birthDate,
        reason,
        outsideHours,
        outsideHoursReason,
      } = req.body;
      const override = outsideHours === 'yes' ? { reason: outsideHoursReason! } : undefined;
      const admitted = await db().transaction((tx) =>
        registerPriorityWalkIn(tx, callerOf(req, actor), {
          unitCode: req.params.code,
          trackingCode,
          birthDate,
          reason,
          outsideHours: override,
        }),
      );
      return reply.redirect(reception(req.params.code, admitted.ticketId), 303);
    },
  );

  /**
   * A counter's page. The counter is one of the unit's (`counters`): the one named in the address or the form, else
   * the one the officer picked earlier today; `remember` keeps a pick for the rest of the day.
   */
  const counterPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    named: string | undefined,
    state: FormState,
    status = 200,
    remember = false,
  ) => {
    await deskOfficer(db(), req, 'queue.call');
    const unit = await getUnit(db(), codeOf(req));
    const counter = listedCounter(unit, named ?? req.cookies[counterCookie(unit.code)]);
    const errors =
      named && !counter ? { counter: req.t('queue.errors.unknownCounter'), ...state.errors } : state.errors;
    if (remember && counter) {
      const path = `/officer/units/${encodeURIComponent(unit.code)}/counter`;
      reply.setCookie(counterCookie(unit.code), counter, {
        path,
        expires: endOfWitaDay(),
        httpOnly: true,
        sameSite: 'lax',
        secure: app.deps.config.secureCookies,
      });
    }
    const { current, waiting } = await counterView(db(), unit.code, counter);
    return reply.page(
      <CounterPage
        ctx={reply.ctx()}
        unit={unit}
        counter={counter}
        current={current}
        waiting={waiting}
        state={{ ...state, errors }}
      />,
      status,
    );
  };
  const backToCounter = (reply: FastifyReply, code: string, counter: string) =>
    reply.redirect(`/officer/units/${encodeURIComponent(code)}/counter?counter=${encodeURIComponent(counter)}`, 303);
  const counterErrorPage = {
    errorPage: (req: FastifyRequest, reply: FastifyReply, error: AppError, fields: FieldErrors) => {
      const counter = counterField.safeParse(values(req).counter);
      const errors = formErrors(req.t, error, fields);
      // The no-show's checkbox left unticked: say what the tick means rather than "required".
      if (errors.confirm) errors.confirm = req.t('queue.errors.confirmNoShow');
      return counterPage(req, reply, counter.success ? counter.data : undefined, { errors }, error.status);
    },
  };

  app.get(
    '/officer/units/:code/counter',
    {
      schema: {
        hide: true,
        params: UnitParams,
        querystring: z.object({ counter: z.string().trim().max(40, 'v.tooLong').optional() }),
      },
    },
    (req, reply) => counterPage(req, reply, req.query.counter || undefined, {}, 200, true),
  );

  app.post(
    '/officer/units/:code/counter/call',
    { schema: { hide: true, params: UnitParams, body: CallBody }, config: counterErrorPage },
    async (req, reply) => {
      const actor = await deskOfficer(db(), req, 'queue.call');
      const counter = requireListedCounter(await getUnit(db(), req.params.code), req.body.counter);
      await db().transaction((tx) => callNextTicket(tx, callerOf(req, actor), { unitCode: req.params.code, counter }));
      return backToCounter(reply, req.params.code, counter);
    },
  );

  app.post(
    '/officer/units/:code/counter/recall',
    { schema: { hide: true, params: UnitParams, body: TicketBody }, config: counterErrorPage },
    async (req, reply) => {
      const actor = await deskOfficer(db(), req, 'queue.recall');
      const counter = requireListedCounter(await getUnit(db(), req.params.code), req.body.counter);
      await db().transaction((tx) =>
        recallTicket(tx, callerOf(req, actor), { unitCode: req.params.code, ticketId: req.body.ticketId, counter }),
      );
      return backToCounter(reply, req.params.code, counter);
    },
  );

  app.post(
    '/officer/units/:code/counter/no-show',
    { schema: { hide: true, params: UnitParams, body: NoShowBody }, config: counterErrorPage },
    async (req, reply) => {
      const actor = await deskOfficer(db(), req, 'queue.no_show');
      await db().transaction((tx) =>
        markNoShow(tx, callerOf(req, actor), { unitCode: req.params.code, ticketId: req.body.ticketId }),
      );
      return backToCounter(reply, req.params.code, req.body.counter);
    },
  );
}

import { officerAtUnit } from '../units/officer-at-unit.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { csrfField, isoDateField } from '../platform/http/fields.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { AppError } from '../platform/errors.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf } from '../platform/http/guards.ts';
import type { FormState } from '../platform/views/form.tsx';
import { getUnit } from '../units/list-units.ts';
import { bookLedger } from './book-ledger.ts';
import { bookTypes, currentStock, stockHistory } from './book-stock.ts';
import { viewPickupList } from './pickup-list.ts';
import { authorize, can, type PassportAction } from './policy.ts';
import { recordBookMovement } from './record-book-movement.ts';
import { pickupSlotsFrom } from './saturday-slots.ts';
import { setBookStock } from './set-book-stock.ts';
import { setPickupCapacity } from './set-pickup-capacity.ts';
import { BooksPage, type BookForms } from './views/books-page.tsx';
import { PickupCapacityPage, PickupListPage } from './views/pickup-pages.tsx';
import { StockPage } from './views/stock-page.tsx';

const UnitParams = z.object({ code: z.string().min(1).max(40) });
const count = (min: number, max: number, message = 'v.number') =>
  z
    .string()
    .trim()
    .regex(/^\d{1,7}$/, message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message);
const bookType = z.enum(bookTypes, { error: 'v.choose' });
const note = z.string().trim().max(200, 'v.tooLong').optional();
const ReceivedBody = z.object({
  ...csrfField,
  receivedType: bookType,
  receivedQuantity: count(1, 100_000, 'passports.v.received'),
  receivedNote: note,
});
const SpoiledBody = z.object({
  ...csrfField,
  spoiledType: bookType,
  spoiledReason: z.string().trim().min(3, 'passports.v.reason').max(500, 'v.tooLong'),
});
const CountedBody = z.object({
  ...csrfField,
  countedType: bookType,
  countedQuantity: count(0, 1_000_000),
  countedNote: note,
});
const CapacityBody = z.object({ ...csrfField, date: isoDateField, capacity: count(0, 10_000) });
const StockBody = z.object({ ...csrfField, biasa: count(0, 1_000_000), elektronik: count(0, 1_000_000) });

const values = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
const unitCodeOf = (req: FastifyRequest) => (req.params as { code: string }).code;

/** The officers' pages of passport issuance: the blank-book ledger and stock, and si Koe TOS (Saturday pickup). */
export function registerPassportOfficeRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;

  const officerAt = (req: FastifyRequest, action: PassportAction) => officerAtUnit(db(), req, authorize, action);

  const booksPage = async (req: FastifyRequest, reply: FastifyReply, forms: Partial<BookForms>, status = 200) => {
    const { actor, scope } = await officerAt(req, 'books.view');
    const unit = await getUnit(db(), unitCodeOf(req));
    const query = req.query as { saved?: string; from?: string; to?: string };
    const notice =
      query.saved === 'counted'
        ? req.t('passports.books.countedNotice', {
            from: query.from,
            to: query.to,
            difference: signed(Number(query.to) - Number(query.from)),
          })
        : query.saved
          ? req.t('passports.books.saved')
          : undefined;
    return reply.page(
      <BooksPage
        ctx={reply.ctx()}
        unit={unit}
        ledger={await bookLedger(db(), unit.code)}
        canRecord={can(actor, 'books.record', { unitCode: unit.code, scope })}
        forms={{ received: {}, spoiled: {}, counted: {}, ...forms }}
        notice={notice}
      />,
      status,
    );
  };
  // Whoever may not record never sees the form again, whatever the input was.
  const bookErrorPage =
    (form: keyof BookForms) =>
    async (req: FastifyRequest, reply: FastifyReply, error: AppError, fields: Record<string, string>) => {
      await officerAt(req, 'books.record');
      return booksPage(
        req,
        reply,
        { [form]: { values: values(req), errors: formErrors(req.t, error, fields) } },
        error.status,
      );
    };
  const booksUrl = (code: string) => `/officer/units/${encodeURIComponent(code)}/books`;

  app.get(
    '/officer/units/:code/books',
    {
      schema: {
        hide: true,
        params: UnitParams,
        querystring: z.object({
          saved: z.string().max(20).optional(),
          from: z.string().max(10).optional(),
          to: z.string().max(10).optional(),
        }),
      },
    },
    (req, reply) => booksPage(req, reply, {}),
  );

  app.post(
    '/officer/units/:code/books/received',
    {
      schema: { hide: true, params: UnitParams, body: ReceivedBody },
      config: { errorPage: bookErrorPage('received') },
    },
    async (req, reply) => {
      const { actor } = await officerAt(req, 'books.record');
      const { receivedType: type, receivedQuantity: quantity, receivedNote } = req.body;
      await db().transaction((tx) =>
        recordBookMovement(tx, callerOf(req, actor), {
          unitCode: req.params.code,
          type,
          kind: 'received',
          quantity,
          note: receivedNote,
        }),
      );
      return reply.redirect(`${booksUrl(req.params.code)}?saved=1`, 303);
    },
  );

  app.post(
    '/officer/units/:code/books/spoiled',
    { schema: { hide: true, params: UnitParams, body: SpoiledBody }, config: { errorPage: bookErrorPage('spoiled') } },
    async (req, reply) => {
      const { actor } = await officerAt(req, 'books.record');
      const { spoiledType: type, spoiledReason } = req.body;
      await db().transaction((tx) =>
        recordBookMovement(tx, callerOf(req, actor), {
          unitCode: req.params.code,
          type,
          kind: 'spoiled',
          note: spoiledReason,
        }),
      );
      return reply.redirect(`${booksUrl(req.params.code)}?saved=1`, 303);
    },
  );

  app.post(
    '/officer/units/:code/books/counted',
    { schema: { hide: true, params: UnitParams, body: CountedBody }, config: { errorPage: bookErrorPage('counted') } },
    async (req, reply) => {
      const { actor } = await officerAt(req, 'books.record');
      const { countedType: type, countedQuantity: quantity, countedNote } = req.body;
      const { from, to } = await db().transaction((tx) =>
        recordBookMovement(tx, callerOf(req, actor), {
          unitCode: req.params.code,
          type,
          kind: 'counted',
          quantity,
          note: countedNote,
        }),
      );
      return reply.redirect(`${booksUrl(req.params.code)}?saved=counted&from=${from}&to=${to}`, 303);
    },
  );

  const stockPage = async (req: FastifyRequest, reply: FastifyReply, state: FormState | undefined, status = 200) => {
    await officerAt(req, 'stock.edit');
    const unit = await getUnit(db(), unitCodeOf(req));
    const [stock, history] = await Promise.all([currentStock(db(), unit.code), stockHistory(db(), unit.code)]);
    const shown = state ?? { values: Object.fromEntries(bookTypes.map((b) => [b, String(stock[b])])) };
    return reply.page(<StockPage ctx={reply.ctx()} unit={unit} history={history} state={shown} />, status);
  };

  app.get('/officer/units/:code/stock', { schema: { hide: true, params: UnitParams } }, (req, reply) =>
    stockPage(req, reply, undefined),
  );

  app.post(
    '/officer/units/:code/stock',
    {
      schema: { hide: true, params: UnitParams, body: StockBody },
      config: {
        errorPage: (req, reply, error, fields) =>
          stockPage(req, reply, { values: values(req), errors: formErrors(req.t, error, fields) }, error.status),
      },
    },
    async (req, reply) => {
      const { actor } = await officerAt(req, 'stock.edit');
      const { biasa, elektronik } = req.body;
      await db().transaction((tx) =>
        setBookStock(tx, callerOf(req, actor), { unitCode: req.params.code, quantities: { biasa, elektronik } }),
      );
      return reply.redirect(`/officer/units/${encodeURIComponent(req.params.code)}/stock?saved=1`, 303);
    },
  );

  const capacityPage = async (req: FastifyRequest, reply: FastifyReply, state: FormState, status = 200) => {
    await officerAt(req, 'pickups.manage');
    const unit = await getUnit(db(), unitCodeOf(req));
    return reply.page(
      <PickupCapacityPage
        ctx={reply.ctx()}
        unit={unit}
        slots={await pickupSlotsFrom(db(), unit.code, witaDate())}
        state={state}
      />,
      status,
    );
  };

  app.get('/officer/units/:code/saturday-pickups', { schema: { hide: true, params: UnitParams } }, (req, reply) =>
    capacityPage(req, reply, {}),
  );

  app.post(
    '/officer/units/:code/saturday-pickups',
    {
      schema: { hide: true, params: UnitParams, body: CapacityBody },
      config: {
        errorPage: (req, reply, error, fields) =>
          capacityPage(req, reply, { values: values(req), errors: formErrors(req.t, error, fields) }, error.status),
      },
    },
    async (req, reply) => {
      const { actor } = await officerAt(req, 'pickups.manage');
      const { date, capacity } = req.body;
      await db().transaction((tx) =>
        setPickupCapacity(tx, callerOf(req, actor), { unitCode: req.params.code, date, capacity }),
      );
      return reply.redirect(`/officer/units/${encodeURIComponent(req.params.code)}/saturday-pickups?saved=1`, 303);
    },
  );

  app.get(
    '/officer/units/:code/saturday-pickups/:date',
    { schema: { hide: true, params: UnitParams.extend({ date: isoDateField }) } },
    async (req, reply) => {
      const { actor } = await officerAt(req, 'pickups.list');
      const unit = await getUnit(db(), req.params.code);
      const list = await db().transaction((tx) =>
        viewPickupList(tx, callerOf(req, actor), { unitCode: unit.code, date: req.params.date }),
      );
      return reply.page(<PickupListPage ctx={reply.ctx()} unit={unit} date={req.params.date} list={list} />);
    },
  );
}

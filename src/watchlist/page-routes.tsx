import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { witaDate } from '../platform/calendar/wita.ts';
import type { AppError, FieldErrors } from '../platform/errors.ts';
import { formErrors } from '../platform/http/errors.ts';
import { csrfField } from '../platform/http/fields.ts';
import type { FormState } from '../platform/views/form.tsx';
import { addWatchlistEntry } from './add-watchlist-entry.ts';
import { findBanRule } from './ban-period.ts';
import { extendWatchlistEntry } from './extend-watchlist-entry.ts';
import { EntryForm, EntryParams, ExtendBody, LiftBody, PageQuery } from './inputs.ts';
import { liftWatchlistEntry } from './lift-watchlist-entry.ts';
import { listWatchlist } from './list-watchlist.ts';
import { keeperCaller } from './keeper-caller.ts';
import type { BanList } from './schema.ts';
import type { RowForm, RowState } from './views/entry-forms.tsx';
import { WatchlistPage } from './views/watchlist-page.tsx';

/** Each list's pages: the prevention list where it always was, the entry-ban list beside it. */
const pages: { list: BanList; base: string }[] = [
  { list: 'exit', base: '/officer/watchlist' },
  { list: 'entry', base: '/officer/entry-bans' },
];

/** The ban lists' keepers' pages: a list, add, extend, lift; every form works without JavaScript. */
export function registerWatchlistPageRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const values = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>;

  for (const { list, base } of pages) {
    const page = async (
      req: FastifyRequest,
      reply: FastifyReply,
      forms: { add?: FormState; row?: RowState },
      status = 200,
    ) => {
      const caller = keeperCaller(req, 'watchlist.view', list);
      // The form posts come back here with the list as it was opened (the add form: its first page).
      const query = PageQuery.safeParse(req.method === 'GET' ? req.query : {});
      const { lifted, q, before } = query.success ? query.data : {};
      const showLifted = lifted === '1';
      const today = witaDate();
      const { list: found, rule } = await db().transaction(async (tx) => ({
        list: await listWatchlist(tx, caller, { list, includeLifted: showLifted, search: q, before }, today),
        rule: await findBanRule(tx, list, today),
      }));
      return reply.page(
        <WatchlistPage
          ctx={reply.ctx()}
          list={list}
          base={base}
          entries={found.entries}
          next={found.next}
          search={q ?? ''}
          paged={!!before}
          rule={rule}
          today={today}
          showLifted={showLifted}
          requestId={crypto.randomUUID()}
          addState={forms.add ?? {}}
          rowState={forms.row ?? {}}
        />,
        status,
      );
    };
    const rowErrorPage =
      (form: RowForm) => (req: FastifyRequest, reply: FastifyReply, error: AppError, fields: FieldErrors) =>
        page(
          req,
          reply,
          {
            row: {
              id: (req.params as { id: string }).id,
              form,
              values: values(req),
              errors: formErrors(req.t, error, fields),
            },
          },
          error.status,
        );

    app.get(base, { schema: { hide: true, querystring: PageQuery } }, (req, reply) => page(req, reply, {}));

    app.post(
      base,
      {
        schema: { hide: true, body: EntryForm.extend(csrfField) },
        config: {
          errorPage: (req, reply, error, fields) =>
            page(req, reply, { add: { values: values(req), errors: formErrors(req.t, error, fields) } }, error.status),
        },
      },
      async (req, reply) => {
        const caller = keeperCaller(req, 'watchlist.add', list);
        const { _csrf, ...input } = req.body;
        await db().transaction((tx) => addWatchlistEntry(tx, caller, { ...input, list }));
        return reply.redirect(base, 303);
      },
    );

    app.post(
      `${base}/:id/extend`,
      {
        schema: { hide: true, params: EntryParams, body: ExtendBody.extend(csrfField) },
        config: { errorPage: rowErrorPage('extend') },
      },
      async (req, reply) => {
        const caller = keeperCaller(req, 'watchlist.extend', list);
        const { _csrf, ...input } = req.body;
        await db().transaction((tx) => extendWatchlistEntry(tx, caller, { ...input, id: req.params.id, list }));
        return reply.redirect(base, 303);
      },
    );

    app.post(
      `${base}/:id/lift`,
      {
        schema: { hide: true, params: EntryParams, body: LiftBody.extend(csrfField) },
        config: { errorPage: rowErrorPage('lift') },
      },
      async (req, reply) => {
        const caller = keeperCaller(req, 'watchlist.lift', list);
        const { _csrf, ...input } = req.body;
        await db().transaction((tx) => liftWatchlistEntry(tx, caller, { ...input, id: req.params.id, list }));
        return reply.redirect(base, 303);
      },
    );
  }
}

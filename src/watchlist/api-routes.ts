import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorJson } from '../platform/http/api-schemas.ts';
import { addWatchlistEntry } from './add-watchlist-entry.ts';
import { extendWatchlistEntry } from './extend-watchlist-entry.ts';
import {
  EntryBanBody,
  EntryJson,
  EntryParams,
  ExitEntryBody,
  ExtendBody,
  LiftBody,
  ListQuery,
  entryJson,
} from './inputs.ts';
import { liftWatchlistEntry } from './lift-watchlist-entry.ts';
import { listWatchlist } from './list-watchlist.ts';
import { keeperCaller } from './keeper-caller.ts';
import type { BanList } from './schema.ts';

const lists: { list: BanList; path: string; what: string; keepers: string }[] = [
  { list: 'exit', path: '/api/v1/watchlist', what: 'prevention list', keepers: 'heads of office and verifiers' },
  {
    list: 'entry',
    path: '/api/v1/entry-bans',
    what: 'entry-ban list',
    keepers: 'heads of office and oversight officers',
  },
];

/** Both ban lists' API for their keepers: list, add, extend, lift. */
export function registerWatchlistApiRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  const refusals = { 401: ErrorJson, 403: ErrorJson, 422: ErrorJson };

  for (const { list, path, what, keepers } of lists) {
    const tags = [list === 'exit' ? 'watchlist' : 'entry-bans'];
    const security = [{ bearer: [] }];

    app.get(
      path,
      {
        schema: {
          tags,
          security,
          summary: `The ${what}, newest first, a page at a time (${keepers}; every call is audited)`,
          description:
            'A fuller page has a `Link` header (rel="next") to the next, older one: the same query with `before` the ' +
            "last entry's id. `q` finds part of a name in any spelling of its letters, or a whole NIK or document number.",
          querystring: ListQuery,
          response: { 200: EntryJson.array(), ...refusals },
        },
      },
      async (req, reply) => {
        const caller = keeperCaller(req, 'watchlist.view', list);
        const { lifted, q, before, limit } = req.query;
        const page = await db().transaction((tx) =>
          listWatchlist(tx, caller, { list, includeLifted: lifted === 'true', search: q, before, limit }),
        );
        if (page.next) {
          const query = new URLSearchParams({ lifted, ...(q ? { q } : {}), limit: String(limit), before: page.next });
          void reply.header('link', `<${path}?${query.toString()}>; rel="next"`);
        }
        return page.entries.map(entryJson);
      },
    );

    app.post(
      path,
      {
        schema: {
          tags,
          security,
          summary:
            list === 'exit'
              ? 'List a person on the prevention list (a NIK or a birth date; names match only with the birth date)'
              : 'List a foreigner on the entry-ban list (nationality, travel document and birth date)',
          description:
            'The last day may be at most as far as the dated rule in force allows (UU 63/2024: pencegahan 6 months, ' +
            'penangkalan 10 years); left out, it is that maximum. A resent requestId returns the entry it made.',
          body: list === 'exit' ? ExitEntryBody : EntryBanBody,
          response: { 201: EntryJson, ...refusals },
        },
      },
      async (req, reply) => {
        const caller = keeperCaller(req, 'watchlist.add', list);
        const entry = await db().transaction((tx) => addWatchlistEntry(tx, caller, { ...req.body, list }));
        return reply.code(201).send(entryJson(entry));
      },
    );

    app.post(
      `${path}/:id/extend`,
      {
        schema: {
          tags,
          security,
          summary: `Extend a listing of the ${what} in force, by a new decision, within the extension the law allows`,
          params: EntryParams,
          body: ExtendBody,
          response: { 200: EntryJson, 404: ErrorJson, 409: ErrorJson, ...refusals },
        },
      },
      async (req) => {
        const caller = keeperCaller(req, 'watchlist.extend', list);
        const entry = await db().transaction((tx) =>
          extendWatchlistEntry(tx, caller, { id: req.params.id, list, ...req.body }),
        );
        return entryJson(entry);
      },
    );

    app.post(
      `${path}/:id/lift`,
      {
        schema: {
          tags,
          security,
          summary: `Lift a listing of the ${what}, with the reason; the entry is kept`,
          params: EntryParams,
          body: LiftBody,
          response: { 200: EntryJson, 404: ErrorJson, 409: ErrorJson, ...refusals },
        },
      },
      async (req) => {
        const caller = keeperCaller(req, 'watchlist.lift', list);
        const entry = await db().transaction((tx) =>
          liftWatchlistEntry(tx, caller, { id: req.params.id, list, ...req.body }),
        );
        return entryJson(entry);
      },
    );
  }
}

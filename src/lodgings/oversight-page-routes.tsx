import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addDays, witaDate, witaInstant } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { callerOf } from '../platform/http/guards.ts';
import { sendStoredFile } from '../platform/storage/send-stored-file.ts';
import { documentPhotoFilename } from './find-document-photo.ts';
import { listSilentLodgings } from './list-silent-lodgings.ts';
import { FLAG_LIST_LIMIT, listStayFlags } from './list-stay-flags.ts';
import { oversightAccess, type OversightAccess } from './oversight-access.ts';
import { can, type LodgingOversightAction } from './policy.ts';
import { DISTRICT_LIST_LIMIT, viewLodgedInDistrict } from './view-lodged-in-district.ts';
import { viewLodgedNow } from './view-lodged-now.ts';
import { findLodgedPerson } from './find-lodged-person.ts';
import { viewDocumentPhoto } from './view-document-photo.ts';
import { viewMovements } from './view-movements.ts';
import { LodgedDistrictPage, LodgedNowPage, oversightBase } from './views/lodged-now-page.tsx';
import { FindPersonPage, MovementsPage } from './views/movements-page.tsx';
import { SilentLodgingsPage, StayFlagsPage } from './views/oversight-lists-page.tsx';

const Unit = z.object({ code: z.string().min(1).max(60) });
const DistrictParams = Unit.extend({ district: z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/) });
const ForeignerParams = Unit.extend({ id: z.uuid() });
const StayParams = Unit.extend({ stayId: z.uuid() });
/**
 * How long a verified lodging may be silent before the office calls it: 30 days by default (a homestay in the low
 * season may well have no foreign guest for a few weeks; longer than a month usually means it stopped reporting),
 * changeable on the page because it is a way of looking, not a rule anyone is held to.
 */
const Days = z.object({ days: z.coerce.number().int().min(1).max(365).default(30) });
const Search = z.object({
  nationality: z.string().trim().toUpperCase().max(3).optional(),
  documentNumber: z.string().trim().toUpperCase().max(15).optional(),
});

/**
 * The office's oversight of lodging reports: who is lodged now (and partners' read-only view of it), a person's
 * movements with the biodata photos lodgings attached, silent lodgings, late and missing reports, and the head of
 * office's grants to partner police.
 */
export function registerLodgingOversightRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.database.db;
  /** The access check and the read in one transaction, so the audit entry commits with what was read. */
  const read = <R,>(
    req: FastifyRequest,
    action: LodgingOversightAction,
    body: (tx: Tx, access: OversightAccess) => Promise<R>,
  ) =>
    db().transaction(async (tx) => {
      const access = await oversightAccess(tx, req, action);
      return { access, result: await body(tx, access) };
    });

  app.get('/officer/units/:code/lodgings', { schema: { hide: true, params: Unit } }, async (req, reply) => {
    const { access, result } = await read(req, 'lodging.readLodged', (tx, a) => viewLodgedNow(tx, callerOf(req), a));
    const grantor = can(access.actor, 'lodging.grantRead', { unitCode: access.unitCode, scope: [access.unitCode] });
    return reply.page(
      <LodgedNowPage
        ctx={reply.ctx()}
        unitCode={access.unitCode}
        regencies={result}
        partner={access.grantId !== null}
        grantor={grantor}
      />,
    );
  });

  app.get(
    '/officer/units/:code/lodgings/districts/:district',
    { schema: { hide: true, params: DistrictParams } },
    async (req, reply) => {
      const { access, result } = await read(req, 'lodging.readLodged', (tx, a) =>
        viewLodgedInDistrict(tx, callerOf(req), a, req.params.district),
      );
      return reply.page(
        <LodgedDistrictPage ctx={reply.ctx()} unitCode={access.unitCode} {...result} limit={DISTRICT_LIST_LIMIT} />,
      );
    },
  );

  app.get(
    '/officer/units/:code/lodgings/foreigners/:id',
    { schema: { hide: true, params: ForeignerParams } },
    async (req, reply) => {
      const { access, result } = await read(req, 'lodging.readLodged', (tx, a) =>
        viewMovements(tx, callerOf(req), a, req.params.id),
      );
      return reply.page(<MovementsPage ctx={reply.ctx()} unitCode={access.unitCode} person={result} />);
    },
  );

  app.get(
    '/officer/units/:code/lodgings/stays/:stayId/photo',
    { schema: { hide: true, params: StayParams } },
    async (req, reply) => {
      const { result: key } = await read(req, 'lodging.readDocumentPhoto', (tx, a) =>
        viewDocumentPhoto(tx, callerOf(req), a, req.params.stayId),
      );
      const stored = await app.deps.storage.get(key);
      const filename = documentPhotoFilename(req.params.stayId, stored.mediaType);
      return sendStoredFile(reply, stored, { filename, inline: true });
    },
  );

  app.get(
    '/officer/units/:code/lodgings/people',
    { schema: { hide: true, params: Unit, querystring: Search } },
    async (req, reply) => {
      const { nationality, documentNumber } = req.query;
      const { access, result } = await read(req, 'lodging.readLodged', (tx, a) =>
        nationality && documentNumber
          ? findLodgedPerson(tx, callerOf(req), a, { nationality, documentNumber })
          : Promise.resolve(null),
      );
      if (result?.length === 1)
        return reply.redirect(`${oversightBase(access.unitCode)}/foreigners/${result[0]!.id}`, 303);
      return reply.page(
        <FindPersonPage
          ctx={reply.ctx()}
          unitCode={access.unitCode}
          values={{ nationality: nationality ?? '', documentNumber: documentNumber ?? '' }}
          found={result}
        />,
      );
    },
  );

  app.get(
    '/officer/units/:code/lodgings/silent',
    { schema: { hide: true, params: Unit, querystring: Days } },
    async (req, reply) => {
      const since = witaInstant(addDays(witaDate(), -req.query.days));
      const { access, result } = await read(req, 'lodging.oversee', (tx, a) =>
        listSilentLodgings(tx, callerOf(req), a, since),
      );
      return reply.page(
        <SilentLodgingsPage ctx={reply.ctx()} unitCode={access.unitCode} days={req.query.days} rows={result} />,
      );
    },
  );

  app.get(
    '/officer/units/:code/lodgings/flags',
    { schema: { hide: true, params: Unit, querystring: Days } },
    async (req, reply) => {
      const today = witaDate();
      const since = witaInstant(addDays(today, -req.query.days));
      const { access, result } = await read(req, 'lodging.oversee', (tx, a) =>
        listStayFlags(tx, callerOf(req), a, since, today),
      );
      return reply.page(
        <StayFlagsPage
          ctx={reply.ctx()}
          unitCode={access.unitCode}
          days={req.query.days}
          flags={result}
          limit={FLAG_LIST_LIMIT}
        />,
      );
    },
  );
}

import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { witaDate } from '../platform/calendar/wita.ts';
import type { AppError, FieldErrors } from '../platform/errors.ts';
import { formErrors } from '../platform/http/errors.ts';
import { callerOf, requireActor } from '../platform/http/guards.ts';
import { extensionOf, type DocumentMediaType } from '../platform/storage/sniff.ts';
import { complaintsCsv } from './complaints-csv.ts';
import { ActionBody, ListQuery } from './inputs.ts';
import { complaintForOfficer, describeComplaint, listComplaints } from './list-complaints.ts';
import { performComplaintAction } from './perform-complaint-action.ts';
import { authorizeRole, isAuditor } from './policy.ts';
import { complaintAttachments } from './schema.ts';
import { OfficerComplaintPage } from './views/officer-complaint-page.tsx';
import { OfficerListPage } from './views/officer-list-page.tsx';
import type { ComplaintStep } from './workflow.ts';
import { whistleblowingDeadlines } from './whistleblowing-deadlines.ts';

const Params = z.object({ id: z.uuid() });

/** The officers' complaint pages: the list and its CSV export, one complaint with its steps, attachment downloads. */
export function registerComplaintOfficerRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config, storage } = app.deps;
  const db = () => app.deps.database.db;

  const filtersOf = (q: z.infer<typeof ListQuery>) => ({
    unitCode: q.unit || undefined,
    status: q.status,
    from: q.from,
    to: q.to,
  });

  app.get('/officer/complaints', { schema: { hide: true, querystring: ListQuery } }, async (req, reply) => {
    const actor = requireActor(req);
    authorizeRole(actor, 'complaint.view');
    const filters = filtersOf(req.query);
    const whistleblowing = isAuditor(actor) ? await whistleblowingDeadlines(db(), filters, witaDate()) : undefined;
    return reply.page(
      <OfficerListPage
        ctx={reply.ctx()}
        complaints={await listComplaints(db(), actor, filters, witaDate())}
        filters={filters}
        whistleblowing={whistleblowing}
      />,
    );
  });

  app.get('/officer/complaints.csv', { schema: { hide: true, querystring: ListQuery } }, async (req, reply) => {
    const actor = requireActor(req);
    authorizeRole(actor, 'complaint.view');
    const rows = await listComplaints(db(), actor, filtersOf(req.query), witaDate(), 100_000);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="pengaduan-${witaDate()}.csv"`)
      .header('cache-control', 'private, no-store')
      .send(complaintsCsv(rows));
  });

  const complaintPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    state: Parameters<typeof OfficerComplaintPage>[0]['state'],
    status = 200,
  ) => {
    const actor = requireActor(req);
    authorizeRole(actor, 'complaint.view');
    const complaint = await complaintForOfficer(db(), actor, (req.params as { id: string }).id);
    const details = await describeComplaint(db(), actor, complaint, witaDate());
    return reply.page(
      <OfficerComplaintPage ctx={reply.ctx()} details={details} state={state} requestId={crypto.randomUUID()} />,
      status,
    );
  };

  app.get('/officer/complaints/:id', { schema: { hide: true, params: Params } }, (req, reply) =>
    complaintPage(req, reply, {}),
  );

  // Never shown inline: a download with the type found at upload, so a crafted file cannot run as a page here.
  app.get(
    '/officer/complaints/:id/attachments/:attachmentId',
    { schema: { hide: true, params: Params.extend({ attachmentId: z.uuid() }) } },
    async (req, reply) => {
      const actor = requireActor(req);
      authorizeRole(actor, 'complaint.view');
      const complaint = await complaintForOfficer(db(), actor, req.params.id);
      const [attachment] = await db()
        .select()
        .from(complaintAttachments)
        .where(
          and(eq(complaintAttachments.id, req.params.attachmentId), eq(complaintAttachments.complaintId, complaint.id)),
        );
      if (!attachment) return reply.callNotFound();
      const stored = await storage.get(attachment.storageKey);
      const extension = extensionOf[stored.mediaType as DocumentMediaType] ?? 'bin';
      return reply
        .type(stored.mediaType)
        .header('content-disposition', `attachment; filename="lampiran-${complaint.trackingCode}.${extension}"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(stored.body);
    },
  );

  const rerender = async (req: FastifyRequest, reply: FastifyReply, error: AppError, fields: FieldErrors) => {
    authorizeRole(requireActor(req), 'complaint.handle');
    const body = (req.body ?? {}) as Record<string, unknown>;
    return complaintPage(
      req,
      reply,
      { step: body.step as ComplaintStep, values: body, errors: formErrors(req.t, error, fields) },
      error.status,
    );
  };

  app.post(
    '/officer/complaints/:id/actions',
    { schema: { hide: true, params: Params, body: ActionBody }, config: { errorPage: rerender } },
    async (req, reply) => {
      const actor = requireActor(req);
      authorizeRole(actor, 'complaint.handle');
      const { step, text, forwardedTo, assigneeId, requestId } = req.body;
      await db().transaction((tx) =>
        performComplaintAction(
          tx,
          callerOf(req, actor),
          { complaintId: req.params.id, step, text, forwardedTo, assigneeId: assigneeId || null, requestId },
          { publicUrl: config.publicUrl },
        ),
      );
      return reply.redirect(`/officer/complaints/${req.params.id}`, 303);
    },
  );
}

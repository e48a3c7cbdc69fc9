import { translator } from '../platform/i18n/index.ts';
import type { Executor } from '../platform/db/index.ts';
import { enqueueMail } from '../platform/mail/mailer.ts';
import type { Lodging } from './schema.ts';
import type { LodgingStep } from './workflow.ts';

/**
 * Tells the lodging's contact address what the office decided, English first with the Indonesian below (lodgings
 * read English first and accounts keep no language), queued in the decision's transaction.
 */
export async function mailDecision(
  tx: Executor,
  lodging: Lodging,
  step: LodgingStep,
  params: { publicUrl: string; reason?: string | null },
): Promise<void> {
  const values = {
    name: lodging.name,
    reason: params.reason ?? '',
    link: `${params.publicUrl}/lodgings/${lodging.id}`,
  };
  const [en, id] = [translator('en'), translator('id')];
  await enqueueMail(tx, {
    to: lodging.email,
    subject: `${en(`lodgings.intake.mail.${step}.subject`, values)} / ${id(`lodgings.intake.mail.${step}.subject`, values)}`,
    text: [en, id]
      .map((t) => `${t(`lodgings.intake.mail.${step}.body`, values)}\n\n${t('mail.signature')}`)
      .join('\n\n---\n\n'),
  });
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../platform/config.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { translateFields } from '../platform/http/errors.ts';
import type { FormState } from '../platform/views/form.tsx';
import { regionOptions } from '../regions/region-options.ts';
import type { RegionChoice } from '../regions/views/region-picker.tsx';
import { listUnits } from '../units/list-units.ts';
import { actorAndApplication } from './application-access.ts';
import { describeApplication } from './describe-application.ts';
import { allowedValidity } from './draft-rules.ts';
import { documentRequirements, listDocuments, missingDocuments } from './required-documents.ts';
import { reviewDraft } from './review-draft.ts';
import type { Application } from './schema.ts';
import { CheckPage } from './views/check-page.tsx';
import { DocumentsStep } from './views/documents-step.tsx';
import type { StepData } from './views/step-fields.tsx';
import { StepPage } from './views/step-page.tsx';
import {
  firstUnanswered,
  regionPickerName,
  stepFields,
  stepPath,
  wizardSteps,
  type WizardStep,
} from './wizard-steps.ts';

export type WizardDeps = { db: () => Executor; config: Config };
type Shown = { values?: Record<string, unknown>; errors?: Record<string, string>; status?: number };

const isChange = (req: FastifyRequest) => (req.query as { change?: string } | undefined)?.change === '1';
const url = (id: string) => `/applications/${id}`;

/**
 * The draft the signed-in owner may edit at this page, or the redirect that applies instead: a submitted
 * application is shown, not edited, and a page opens only once every page before it is answered.
 */
export async function openDraftAt(deps: WizardDeps, req: FastifyRequest, id: string, step: WizardStep | 'check') {
  const { actor, application } = await actorAndApplication(deps.db(), req, id, 'application.edit');
  if (application.status !== 'draft') return { actor, application, redirect: url(id) };
  const documents = await listDocuments(deps.db(), id);
  const first = firstUnanswered(
    application,
    missingDocuments(documentRequirements(application, witaDate()), documents).length === 0,
  );
  const reached =
    step === 'check' ? first === null : first === null || wizardSteps.indexOf(first) >= wizardSteps.indexOf(step);
  return {
    actor,
    application,
    documents,
    redirect: reached ? null : stepPath(id, first!, step === 'check' || isChange(req)),
  };
}

/** The saved answers as form values, the region picker's four selects included. */
function savedValues(a: Application): Record<string, unknown> {
  const values: Record<string, unknown> = Object.fromEntries(
    wizardSteps.flatMap((s) => stepFields[s]).map((f) => [f, a[f] === null ? undefined : String(a[f])]),
  );
  values.oldPassportNumber = a.oldPassportNumber ?? undefined;
  values.pmiRecommendationNumber = a.pmiRecommendationNumber ?? undefined;
  const [p, r, d] = a.villageCode?.split('.') ?? [];
  if (a.villageCode)
    Object.assign(values, {
      [`${regionPickerName}_province`]: p,
      [`${regionPickerName}_regency`]: `${p}.${r}`,
      [`${regionPickerName}_district`]: `${p}.${r}.${d}`,
      [`${regionPickerName}_village`]: a.villageCode,
    });
  return values;
}

async function stepData(
  db: Executor,
  step: WizardStep,
  application: Application,
  values: Record<string, unknown>,
): Promise<StepData> {
  if (step === 'office') return { units: (await listUnits(db)).filter((u) => u.services.includes('passport')) };
  if (step === 'validity') return { maxValidity: allowedValidity(application, witaDate()) };
  if (step !== 'address') return {};
  const pick = (level: string) => {
    const v = values[`${regionPickerName}_${level}`];
    return typeof v === 'string' && v ? v : undefined;
  };
  const choice: RegionChoice = {
    province: pick('province'),
    regency: pick('regency'),
    district: pick('district'),
    village: pick('village'),
  };
  return { region: await regionOptions(db, choice) };
}

/** A wizard page: as saved, or with what was just sent and its errors. */
export async function showStep(
  deps: WizardDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  id: string,
  step: WizardStep,
  shown: Shown = {},
) {
  const opened = await openDraftAt(deps, req, id, step);
  if (opened.redirect) return reply.redirect(opened.redirect, 303);
  const { application } = opened;
  const change = isChange(req);
  const state: FormState = { values: shown.values ?? savedValues(application), errors: shown.errors };
  if (step === 'documents') {
    const requirements = documentRequirements(application, witaDate());
    return reply.page(
      <DocumentsStep
        ctx={reply.ctx()}
        application={application}
        requirements={requirements}
        documents={opened.documents!}
        state={state}
        change={change}
        maxBytes={deps.config.uploadMaxBytes}
      />,
      shown.status,
    );
  }
  const data = await stepData(deps.db(), step, application, state.values!);
  return reply.page(
    <StepPage ctx={reply.ctx()} application={application} step={step} state={state} data={data} change={change} />,
    shown.status,
  );
}

/** Check your answers, with what submission would refuse listed at the top. */
export async function showCheck(
  deps: WizardDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  id: string,
  shown: Shown = {},
) {
  const opened = await openDraftAt(deps, req, id, 'check');
  if (opened.redirect) return reply.redirect(opened.redirect, 303);
  const description = await describeApplication(deps.db(), opened.application);
  const { fee, problems } = await reviewDraft(
    deps.db(),
    opened.application,
    description.documents,
    deps.config.booking,
  );
  const errors = shown.errors ?? translateFields(req.t, problems);
  const state: FormState = { errors: errors && Object.keys(errors).length > 0 ? errors : undefined };
  return reply.page(
    <CheckPage ctx={reply.ctx()} application={opened.application} description={description} fee={fee} state={state} />,
    shown.status,
  );
}

import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../platform/views/context.ts';
import { ErrorSummary, Form, type FormState } from '../../platform/views/form.tsx';
import { Layout } from '../../platform/views/layout.tsx';
import type { Application } from '../schema.ts';
import { previousStep, stepPath, wizardSteps, type WizardStep } from '../wizard-steps.ts';
import { fieldLabels, StepFields, type StepData } from './step-fields.tsx';

type WizardFrameProps = {
  ctx: PageContext;
  application: Application;
  step: WizardStep;
  change: boolean;
  hasErrors: boolean;
  children: ComponentChildren;
};

/** What every wizard page shares: the way back, where the applicant is, and whom the application is for. */
export function WizardFrame({ ctx, application, step, change, hasErrors, children }: WizardFrameProps) {
  const { t } = ctx;
  const previous = previousStep(step);
  const back = change
    ? `/applications/${application.id}/check`
    : previous
      ? stepPath(application.id, previous)
      : '/applications';
  return (
    <Layout ctx={ctx} title={t(`applications.steps.${step}`)} hasErrors={hasErrors} htmx={step === 'address'}>
      <p>
        <a href={back}>{t('applications.wizard.back')}</a>
      </p>
      <p class="eyebrow">
        {t('applications.wizard.stepOf', { n: wizardSteps.indexOf(step) + 1, total: wizardSteps.length })}
        {application.fullName ? ` · ${t('applications.wizard.for', { name: application.fullName })}` : ''}
      </p>
      <h1>{t(`applications.steps.${step}`)}</h1>
      {children}
    </Layout>
  );
}

type Props = {
  ctx: PageContext;
  application: Application;
  step: WizardStep;
  state: FormState;
  data: StepData;
  change: boolean;
};

export function StepPage({ ctx, application, step, state, data, change }: Props) {
  const { t } = ctx;
  return (
    <WizardFrame ctx={ctx} application={application} step={step} change={change} hasErrors={!!state.errors}>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={fieldLabels(t)} />
      <Form
        ctx={ctx}
        action={stepPath(application.id, step, change)}
        submit={t(change ? 'applications.wizard.save' : 'applications.wizard.next')}
      >
        <StepFields ctx={ctx} step={step} state={state} data={data} />
      </Form>
    </WizardFrame>
  );
}

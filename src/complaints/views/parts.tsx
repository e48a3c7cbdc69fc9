import type { PageContext } from '../../platform/views/context.ts';

export const options = (ctx: PageContext, group: string, values: readonly string[]) =>
  values.map((v) => ({ value: v, label: ctx.t(`complaints.${group}.${v}`) }));

import type { PageContext } from '../../platform/views/context.ts';

/** A group's values as select or radio options, labelled from the feature's words. */
export const options = (ctx: PageContext, group: string, values: readonly string[]) =>
  values.map((v) => ({ value: v, label: ctx.t(`villageTips.${group}.${v}`) }));

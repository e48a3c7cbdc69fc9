import type { ComponentChildren } from 'preact';

/**
 * A wide table or chart in a box that scrolls sideways on a narrow screen instead of widening the page. The box is
 * named and takes focus, so keyboard users can scroll it too (axe: scrollable-region-focusable).
 */
export function ScrollRegion({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-scroll" role="region" aria-label={label} tabindex={0}>
      {children}
    </div>
  );
}

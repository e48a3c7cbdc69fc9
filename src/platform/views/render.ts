import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

export function renderPage(vnode: VNode): string {
  return '<!doctype html>' + render(vnode);
}

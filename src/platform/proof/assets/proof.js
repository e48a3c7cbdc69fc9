// ALTCHA's CSP-friendly build (no blob: workers, no inline styles): the proof of work runs in a worker file
// served from this site, and the widget speaks the page's language with strings from the Sikoe catalogue.
/* global document, Worker */
import './altcha.js';

const worker = new URL('./altcha-worker.js', import.meta.url);
globalThis.$altcha.algorithms.set('SHA-256', () => new Worker(worker));
for (const widget of document.querySelectorAll('altcha-widget[data-strings]')) {
  globalThis.$altcha.i18n.set(widget.getAttribute('language'), JSON.parse(widget.dataset.strings));
}

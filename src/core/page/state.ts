/**
 * What a prerendered page and the app agree on: where the page's state block
 * is, how it is written, and the mark the app sets once it is interactive.
 */

export const STATE_ELEMENT_ID = 'kontekst-state';

/** The user-timing mark set when the app has hydrated (or rendered) the first view: DevTools and RUM show it; the size budget counts what was fetched before it. */
export const INTERACTIVE_MARK = 'kontekst:interactive';

/** JSON safe inside a <script> element: no `<` (so no `</script>` or `<!--`), no line separators. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

import { htmlToBlocks } from '/work/wt-i20/src/build/feeds/html.ts';
import { Parser } from 'htmlparser2';
for (const n of [50_000, 100_000, 200_000]) {
  const quote = `<blockquote>${'<b>a</b><i>b</i>'.repeat(n)}</blockquote>`;
  let t = performance.now(); htmlToBlocks(quote); const a = performance.now() - t;
  t = performance.now(); const p = new Parser({}); p.write(quote); p.end(); const b = performance.now() - t;
  const list = `<ul>${'<li>x</li>'.repeat(n)}</ul>`;
  t = performance.now(); htmlToBlocks(list); const c = performance.now() - t;
  console.log(n, a.toFixed(0), b.toFixed(0), c.toFixed(0));
}

import { describe, expect, it } from 'vitest';
import { progressReporter } from './progress.ts';

describe('progressReporter', () => {
  it('plain lines when not a terminal: start, every 10 %, end', () => {
    const out: string[] = [];
    const p = progressReporter({ isTTY: false, write: (s) => out.push(s) });
    p('related articles', 0, 1);
    p('related articles', 1, 1);
    for (let k = 0; k <= 100; k += 5) p('writing', k, 100);
    p.end();
    expect(out.join('')).toBe(
      'related articles…\nrelated articles: done\n' + [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((k) => `writing: ${k}/100 (${k}%)\n`).join(''),
    );
    expect(out.join('')).not.toContain('\r');
  });
  it('a bar redrawn in place on a terminal', () => {
    const out: string[] = [];
    let t = 0;
    const p = progressReporter({ isTTY: true, columns: 80, write: (s) => out.push(s) }, () => (t += 1000));
    p('writing', 0, 10);
    p('writing', 5, 10);
    p('writing', 10, 10);
    p.end();
    const text = out.join('');
    expect(text).toMatch(/^\rwriting +░+ +0% 0\/10/);
    expect(text).toContain('█'.repeat(10));
    expect(text).toContain(' 50% 5/10');
    expect(text).toMatch(/100% 10\/10\u001b\[K\n$/);
  });
});

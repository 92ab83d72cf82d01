import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { Blocks } from './Blocks.tsx';
import type { Block } from '../../core/model/article.ts';

const html = (blocks: Block[]) => renderToStaticMarkup(<Blocks blocks={blocks} />);

describe('Blocks', () => {
  it('renders each block type as semantic HTML', () => {
    const out = html([
      { type: 'paragraph', content: [{ type: 'text', text: 'Раз ' }, { type: 'emphasis', text: 'два' }, { type: 'emphasis', text: 'три', strong: true }] },
      { type: 'quote', content: [{ type: 'text', text: 'Цитата' }], cite: 'Дмитро Пєсков' },
      { type: 'heading', level: 3, text: 'Підзаголовок' },
      { type: 'list', ordered: true, items: [[{ type: 'text', text: 'перше' }], [{ type: 'text', text: 'друге' }]] },
      { type: 'image', src: 'https://example.com/a.jpg', alt: 'Карта', caption: 'Підпис', credit: 'Фото: X' },
    ]);
    expect(out).toContain('<p>Раз <em>два</em><strong>три</strong></p>');
    expect(out).toContain('<blockquote><p>Цитата</p><footer>— Дмитро Пєсков</footer></blockquote>');
    expect(out).toContain('<h3>Підзаголовок</h3>');
    expect(out).toContain('<ol><li>перше</li><li>друге</li></ol>');
    expect(out).toMatch(/<img src="https:\/\/example.com\/a.jpg" alt="Карта"[^>]*loading="lazy"/);
    expect(out).toContain('<figcaption>Підпис<span class="credit"> Фото: X</span></figcaption>');
  });

  it('links only http(s) and mailto, with rel=noopener noreferrer', () => {
    const out = html([
      {
        type: 'paragraph',
        content: [
          { type: 'link', text: 'good', href: 'https://example.com/?a=1&b=2' },
          { type: 'link', text: 'mail', href: 'mailto:desk@example.com' },
          { type: 'link', text: 'evil', href: 'javascript:alert(1)' },
          { type: 'link', text: 'data', href: 'data:text/html,<script>alert(1)</script>' },
        ],
      },
    ]);
    expect(out).toContain('<a href="https://example.com/?a=1&amp;b=2" rel="noopener noreferrer">good</a>');
    expect(out).toContain('<a href="mailto:desk@example.com" rel="noopener noreferrer">mail</a>');
    expect(out).not.toContain('javascript:');
    expect(out).not.toContain('data:text');
    expect(out).toContain('evil');
  });

  it('renders markup in text as text', () => {
    const out = html([{ type: 'paragraph', content: [{ type: 'text', text: '<script>alert(1)</script><img src=x onerror=alert(1)>' }] }]);
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;script&gt;');
  });
});

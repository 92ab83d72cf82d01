import { describe, expect, it } from 'vitest';
import { htmlToBlocks, htmlToText, textToBlocks } from './html.ts';

describe('htmlToBlocks', () => {
  it('maps the allowed elements to blocks', () => {
    const blocks = htmlToBlocks(
      '<h1>Big</h1><p>One <em>two</em> <strong>three</strong> <a href="https://x.example/?utm_medium=a">four</a></p>' +
        '<h3>Small</h3><ul><li>a</li><li>b <b>c</b></li></ul><ol><li>first</li></ol>' +
        '<blockquote><p>Quoted</p><p>more</p></blockquote><img src="https://x.example/p.jpg" alt="A photo"><h6>Tiny</h6>',
    );
    expect(blocks).toEqual([
      { type: 'heading', level: 2, text: 'Big' },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'One ' },
          { type: 'emphasis', text: 'two' },
          { type: 'text', text: ' ' },
          { type: 'emphasis', text: 'three', strong: true },
          { type: 'text', text: ' ' },
          { type: 'link', text: 'four', href: 'https://x.example/' },
        ],
      },
      { type: 'heading', level: 3, text: 'Small' },
      { type: 'list', ordered: false, items: [[{ type: 'text', text: 'a' }], [{ type: 'text', text: 'b ' }, { type: 'emphasis', text: 'c', strong: true }]] },
      { type: 'list', ordered: true, items: [[{ type: 'text', text: 'first' }]] },
      { type: 'quote', content: [{ type: 'text', text: 'Quoted more' }] },
      { type: 'image', src: 'https://x.example/p.jpg', alt: 'A photo' },
      { type: 'heading', level: 4, text: 'Tiny' },
    ]);
  });

  it('drops scripts, styles, iframes, handlers and dangerous links (XSS payloads)', () => {
    const hostile =
      '<p onclick="alert(1)" style="x">Safe <script>alert(1)</script>text</p>' +
      '<style>p{}</style><iframe src="https://evil.example"></iframe><object data="x"><p>inside object</p></object>' +
      '<p><a href="javascript:alert(1)">js link</a> <a href="data:text/html,x">data link</a> <a href="  jav&#x09;ascript:alert(1)">tab</a></p>' +
      '<img src="x" onerror="alert(1)"><img src="data:image/png;base64,AAAA" alt="d"><img src="javascript:alert(1)">' +
      '<svg><script>alert(1)</script><text>svg text</text></svg><form><input value="x"><p>form text</p></form>' +
      '<p><a href="https://ok.example" onmouseover="alert(1)">ok</a></p><noscript><p>ns</p></noscript><template><p>tpl</p></template>';
    const blocks = htmlToBlocks(hostile);
    const json = JSON.stringify(blocks);
    expect(json).not.toMatch(/alert|javascript|data:|onerror|onclick|evil|inside object|svg text|form text|"ns"|tpl|style/i);
    expect(blocks).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'Safe text' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'js link data link tab' }] },
      { type: 'paragraph', content: [{ type: 'link', text: 'ok', href: 'https://ok.example/' }] },
    ]);
  });

  it('puts loose text in paragraphs, decodes entities, resolves relative links', () => {
    expect(htmlToBlocks('Loose &amp; free<br>line<div>Block</div>', { base: 'https://b.example/a/' })).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'Loose & free line' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Block' }] },
    ]);
    expect(htmlToBlocks('<p><a href="../x">rel</a></p>', { base: 'https://b.example/a/b' })).toEqual([
      { type: 'paragraph', content: [{ type: 'link', text: 'rel', href: 'https://b.example/x' }] },
    ]);
  });

  it('survives broken HTML', () => {
    expect(htmlToBlocks('<p>open <em>never closed<p>next</div></span>')).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'open ' }, { type: 'emphasis', text: 'never closed' }] },
      { type: 'paragraph', content: [{ type: 'emphasis', text: 'next' }] },
    ]);
  });

  it('applies the text fix to every piece of text', () => {
    expect(htmlToBlocks("<p>прем'єр</p>", { text: (s) => s.replace("'", '’') })).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'прем’єр' }] },
    ]);
  });
});

describe('htmlToText and textToBlocks', () => {
  it('htmlToText keeps only text', () => {
    expect(htmlToText('<b>Bold</b> &lt;tag&gt; <script>alert(1)</script><p>para</p>')).toBe('Bold <tag> para');
  });
  it('textToBlocks: blank lines separate paragraphs, or else each line is one', () => {
    expect(textToBlocks('a\nb\n\nc').map((b) => (b.type === 'paragraph' ? b.content[0]?.text : ''))).toEqual(['a b', 'c']);
    expect(textToBlocks('a\nb\r\nc').length).toBe(3);
  });
});

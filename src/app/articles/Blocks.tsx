import { Fragment, type ReactNode } from 'react';
import { SAFE_URL, assertNever, type Block, type Inline } from '../../core/model/article.ts';

/** Inline runs as React nodes: text is text; links only when http(s)/mailto. */
export function InlineRuns({ runs }: { runs: readonly Inline[] }) {
  return (
    <>
      {runs.map((run, i) => (
        <Fragment key={i}>{renderInline(run)}</Fragment>
      ))}
    </>
  );
}

function renderInline(run: Inline): ReactNode {
  switch (run.type) {
    case 'text':
      return run.text;
    case 'emphasis':
      return run.strong ? <strong>{run.text}</strong> : <em>{run.text}</em>;
    case 'link':
      // Validated at the boundary already; checked again so a bad value can never become a live link.
      return SAFE_URL.test(run.href) ? (
        <a href={run.href} rel="noopener noreferrer">
          {run.text}
        </a>
      ) : (
        run.text
      );
    default:
      return assertNever(run);
  }
}

/** One switch over the block union: the only way article content reaches the page. */
export function renderBlock(block: Block, key: number): ReactNode {
  switch (block.type) {
    case 'paragraph':
      return (
        <p key={key}>
          <InlineRuns runs={block.content} />
        </p>
      );
    case 'quote':
      return (
        <blockquote key={key}>
          <p>
            <InlineRuns runs={block.content} />
          </p>
          {block.cite ? <footer>— {block.cite}</footer> : null}
        </blockquote>
      );
    case 'heading': {
      const H = `h${block.level}` as 'h2' | 'h3' | 'h4';
      return <H key={key}>{block.text}</H>;
    }
    case 'list': {
      const L = block.ordered ? 'ol' : 'ul';
      return (
        <L key={key}>
          {block.items.map((item, i) => (
            <li key={i}>
              <InlineRuns runs={item} />
            </li>
          ))}
        </L>
      );
    }
    case 'image':
      return (
        <figure key={key}>
          <img src={block.src} alt={block.alt} width={block.width} height={block.height} loading="lazy" decoding="async" />
          {block.caption || block.credit ? (
            <figcaption>
              {block.caption}
              {block.credit ? <span className="credit"> {block.credit}</span> : null}
            </figcaption>
          ) : null}
        </figure>
      );
    default:
      return assertNever(block);
  }
}

export function Blocks({ blocks }: { blocks: readonly Block[] }) {
  return <>{blocks.map(renderBlock)}</>;
}

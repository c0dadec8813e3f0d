import type { ReactNode } from 'react';

interface ScrollableTableProps {
  /** The table's caption; also names the scrolling region. */
  caption: string;
  /** Hide the caption visually when a heading right above already says the same. */
  captionHidden?: boolean;
  id: string;
  children: ReactNode;
}

/**
 * A table that scrolls inside its own box on narrow screens rather than widening the page.
 * The box can take keyboard focus so keyboard users can scroll it too.
 */
export function ScrollableTable({ caption, captionHidden = false, id, children }: ScrollableTableProps) {
  const captionId = `${id}-caption`;
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table" id={id}>
        <caption id={captionId} className={captionHidden ? 'visually-hidden' : 'table__caption'}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

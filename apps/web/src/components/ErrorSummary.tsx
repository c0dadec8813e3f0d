import { useEffect, useRef, type MouseEvent } from 'react';
import type { SummaryItem } from '../forms/field-errors';

/**
 * The list of problems at the top of a form after a failed submit. It takes focus after each failed
 * submit, and each line links to (and focuses) the field it is about.
 */
export function ErrorSummary({ items, focusKey, id = 'error-summary' }: { items: SummaryItem[]; focusKey: number; id?: string }) {
  const ref = useRef<HTMLDivElement>(null);

  // Focus once per failed submit (`focusKey` changes), not on every render while the summary shows.
  useEffect(() => {
    ref.current?.focus();
  }, [focusKey]);

  if (items.length === 0) return null;

  function goToField(event: MouseEvent<HTMLAnchorElement>, field: string) {
    const input = document.getElementById(field);
    if (!input) return;
    event.preventDefault();
    input.focus();
    input.scrollIntoView({ block: 'center' });
  }

  return (
    <div className="error-summary" role="alert" aria-labelledby={`${id}-title`} tabIndex={-1} ref={ref}>
      <h2 className="error-summary__title" id={`${id}-title`}>
        There is a problem
      </h2>
      <ul className="error-summary__list">
        {items.map((item) => (
          <li key={`${item.field ?? ''}:${item.message}`}>
            {item.field ? (
              <a href={`#${item.field}`} onClick={(event) => goToField(event, item.field as string)}>
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

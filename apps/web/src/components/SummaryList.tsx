import type { ReactNode } from 'react';

export interface SummaryRow {
  term: string;
  value: ReactNode;
}

/** Facts about one thing, as a description list: "Date of birth — 31 March 1980". */
export function SummaryList({ rows }: { rows: SummaryRow[] }) {
  return (
    <dl className="summary-list">
      {rows.map((row) => (
        <div className="summary-list__row" key={row.term}>
          <dt>{row.term}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

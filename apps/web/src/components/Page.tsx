import { useEffect, type ReactNode } from 'react';

interface PageProps {
  /** The page's h1, also used for the browser tab title. */
  title: string;
  /** Prefixes the tab title with "Error:" while the page shows form errors. */
  hasErrors?: boolean;
  children?: ReactNode;
}

/** Every page starts here: one h1 (focusable, so route changes can move focus to it) and the tab title. */
export function Page({ title, hasErrors = false, children }: PageProps) {
  useEffect(() => {
    document.title = `${hasErrors ? 'Error: ' : ''}${title} – Confide`;
  }, [title, hasErrors]);

  return (
    <>
      <h1 className="page-heading" tabIndex={-1}>
        {title}
      </h1>
      {children}
    </>
  );
}

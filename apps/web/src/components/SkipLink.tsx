import type { MouseEvent } from 'react';

/** The first thing a keyboard user reaches: jumps past the header to the page content. */
export function SkipLink() {
  function skip(event: MouseEvent<HTMLAnchorElement>) {
    // Focus the main landmark without adding a fragment to the address (which may hold a reset token).
    event.preventDefault();
    document.getElementById('main-content')?.focus();
  }
  return (
    <a className="skip-link" href="#main-content" onClick={skip}>
      Skip to main content
    </a>
  );
}

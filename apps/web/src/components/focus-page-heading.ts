/** Moves keyboard and screen reader focus to the page's h1, so a new page is announced from its top. */
export function focusPageHeading(): void {
  const heading = document.querySelector<HTMLElement>('#main-content h1');
  heading?.focus({ preventScroll: false });
}

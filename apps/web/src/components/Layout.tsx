import { useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { focusPageHeading } from './focus-page-heading';
import { SiteFooter } from './SiteFooter';
import { SiteHeader } from './SiteHeader';
import { SkipLink } from './SkipLink';

/** The frame around every page: skip link, header with navigation, main content and footer. */
export function Layout() {
  const { pathname } = useLocation();
  const shownPath = useRef(pathname);

  // On every route change (not the first page load) move focus to the new page's h1.
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    focusPageHeading();
  }, [pathname]);

  return (
    <>
      <SkipLink />
      <SiteHeader />
      <main id="main-content" className="site-main" tabIndex={-1}>
        <div className="container">
          <Outlet />
        </div>
      </main>
      <SiteFooter />
    </>
  );
}

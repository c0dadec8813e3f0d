import { Link } from 'react-router';
import { SiteNav } from './SiteNav';

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link to="/" className="brand">
          Confide
        </Link>
        <SiteNav />
      </div>
    </header>
  );
}

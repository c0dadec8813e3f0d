import { NavLink } from 'react-router';
import { ROLE_LABELS } from '@confide/domain';
import { useSession } from '../session/use-session';
import { needsTwoStepSetup, SIGN_IN_PATH } from '../session/role-paths';
import { SYMPTOM_CHECKER_PATH } from '../triage/triage-paths';
import { navItemsFor, type NavItem } from './role-navigation';
import { SignOutButton } from './SignOutButton';

function NavLinks({ items }: { items: NavItem[] }) {
  return (
    <ul className="nav-list">
      {items.map((item) => (
        <li key={item.to}>
          <NavLink to={item.to} className="nav-link">
            {item.label}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

/** The header's links: sign in / create account when signed out; the role's pages and Sign out when signed in. */
export function SiteNav() {
  const { state } = useSession();

  if (state.status === 'loading') return null;

  if (state.status !== 'signed-in') {
    return (
      <nav aria-label="Main" className="site-nav">
        <NavLinks
          items={[
            { label: 'Check your symptoms', to: SYMPTOM_CHECKER_PATH },
            { label: 'Sign in', to: SIGN_IN_PATH },
            { label: 'Create an account', to: '/sign-up' },
          ]}
        />
      </nav>
    );
  }

  const { user } = state;
  const items = needsTwoStepSetup(user) ? [] : navItemsFor(user.role);
  return (
    <nav aria-label="Main" className="site-nav">
      <p className="signed-in-as">
        <span className="visually-hidden">Signed in as </span>
        {user.displayName}
        <span className="signed-in-role"> ({ROLE_LABELS[user.role]})</span>
      </p>
      <div className="nav-row">
        {items.length > 0 && <NavLinks items={items} />}
        <SignOutButton />
      </div>
    </nav>
  );
}

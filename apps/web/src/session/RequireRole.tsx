import { Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '@confide/domain';
import { Loading } from '../components/Loading';
import { SessionUnavailable } from '../components/SessionUnavailable';
import { NotFoundPage } from '../public/NotFoundPage';
import { needsTwoStepSetup, SIGN_IN_PATH, TWO_STEP_SETUP_PATH } from './role-paths';
import { signInStateFor } from './sign-in-notice';
import { useSession } from './use-session';

/**
 * Guards a role's route tree: signed-out users go to Sign in (and come back after), staff without
 * two-step verification go to set it up, and other roles get "Page not found", as if the page did not exist.
 */
export function RequireRole({ role }: { role: Role }) {
  const { state } = useSession();
  const location = useLocation();

  switch (state.status) {
    case 'loading':
      return <Loading />;
    case 'unavailable':
      return <SessionUnavailable problem={state.problem} />;
    case 'signed-out': {
      const next = signInStateFor(state.reason, `${location.pathname}${location.search}`);
      return <Navigate to={SIGN_IN_PATH} replace state={next} />;
    }
    case 'signed-in':
      if (needsTwoStepSetup(state.user)) return <Navigate to={TWO_STEP_SETUP_PATH} replace />;
      if (state.user.role !== role) return <NotFoundPage />;
      return <Outlet />;
  }
}

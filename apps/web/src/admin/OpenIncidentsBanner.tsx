import { Link } from 'react-router';
import { ADMIN_PATHS } from './admin-paths';
import { openIncidentsText } from './incident-text';

/**
 * At the top of every admin page while incidents are open. The alert region is always there (empty when none
 * are open), so a new incident is read out when it appears.
 */
export function OpenIncidentsBanner({ count }: { count: number }) {
  return (
    <div role="alert" className="incident-banner">
      {count > 0 && (
        <div className="notice notice--error">
          <p>
            <strong>{openIncidentsText(count)}</strong>
          </p>
          <p>
            Confide blocked something that would have shown a patient&apos;s records to someone who may not see them.{' '}
            <Link to={ADMIN_PATHS.incidents}>Review incidents</Link>
          </p>
        </div>
      )}
    </div>
  );
}

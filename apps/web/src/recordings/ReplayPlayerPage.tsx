import { useLocation, useParams } from 'react-router';
import type { Role } from '@confide/domain';
import { ADMIN_PATHS } from '../admin/admin-paths';
import { ROLE_BASE_PATH, profilePathFor } from '../session/role-paths';
import { replayBasePath } from './replay-paths';
import { readReplayLinkState, type ReplayBack } from './replay-route-state';
import { ReplayPlayer } from './ReplayPlayer';

type ReplayRole = Extract<Role, 'patient' | 'clinician' | 'clinic_admin'>;

/** Where the back link goes when the Play link did not say (the page was opened directly). */
const DEFAULT_BACK: Record<ReplayRole, ReplayBack> = {
  patient: { path: replayBasePath('patient'), label: 'Back to Consultation Replays' },
  clinician: { path: profilePathFor('clinician'), label: 'Back to your patients' },
  clinic_admin: { path: ADMIN_PATHS.breakGlass, label: 'Back to emergency access' },
};

/**
 * The player at /patient/replays/:consultationId, /clinician/replays/:consultationId and /admin/replays/:consultationId.
 * The patient always goes back to Consultation Replays; staff go back to the page they came from (the patient's
 * page, the notes, or emergency access), as the Play link said.
 */
export function ReplayPlayerPage({ role }: { role: ReplayRole }) {
  const { consultationId = '' } = useParams();
  const location = useLocation();
  const linkState = readReplayLinkState(location.state, ROLE_BASE_PATH[role]);
  const back = role === 'patient' ? DEFAULT_BACK.patient : (linkState.back ?? DEFAULT_BACK[role]);
  return (
    <ReplayPlayer
      key={consultationId}
      consultationId={consultationId}
      viewer={role === 'patient' ? 'patient' : 'staff'}
      back={back}
      clinicianName={linkState.clinicianName}
    />
  );
}

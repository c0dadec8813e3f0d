import { Navigate, Route, Routes } from 'react-router';
import { BreakGlassPage } from '../break-glass/BreakGlassPage';
import { NotFoundPage } from '../public/NotFoundPage';
import { CallPage } from '../call/CallPage';
import { ReplayPlayerPage } from '../recordings/ReplayPlayerPage';
import { RequireRole } from '../session/RequireRole';
import { profilePathFor } from '../session/role-paths';
import { AvailabilityPage } from './AvailabilityPage';
import { ClinicianDayPage } from './ClinicianDayPage';
import { ClinicianProfilePage } from './ClinicianProfilePage';
import { ConsultationNotesPage } from './ConsultationNotesPage';
import { PatientDetailPage } from './PatientDetailPage';
import { PrescribePage } from './PrescribePage';
import { RepeatRequestsPage } from './RepeatRequestsPage';
import { SigningKeyPage } from './SigningKeyPage';

/** Pages under /clinician, for signed-in clinicians only. */
export function ClinicianRoutes() {
  return (
    <Routes>
      <Route element={<RequireRole role="clinician" />}>
        <Route index element={<Navigate to="profile" replace />} />
        <Route path="profile" element={<ClinicianProfilePage />} />
        <Route path="day" element={<ClinicianDayPage />} />
        <Route path="availability" element={<AvailabilityPage />} />
        <Route path="patients" element={<Navigate to={profilePathFor('clinician')} replace />} />
        <Route path="patients/:patientId" element={<PatientDetailPage />} />
        <Route path="consultations/:consultationId/call" element={<CallPage />} />
        <Route path="consultations/:consultationId/notes" element={<ConsultationNotesPage />} />
        <Route path="consultations/:consultationId/prescribe" element={<PrescribePage />} />
        <Route path="repeat-requests" element={<RepeatRequestsPage />} />
        <Route path="signing-key" element={<SigningKeyPage />} />
        <Route path="replays/:consultationId" element={<ReplayPlayerPage role="clinician" />} />
        <Route path="break-glass" element={<BreakGlassPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

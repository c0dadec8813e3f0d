import { Navigate, Route, Routes } from 'react-router';
import { NotFoundPage } from '../public/NotFoundPage';
import { CallPage } from '../call/CallPage';
import { ReplayPlayerPage } from '../recordings/ReplayPlayerPage';
import { RequireRole } from '../session/RequireRole';
import { AccessPage } from './AccessPage';
import { AppointmentsPage } from './AppointmentsPage';
import { BookAppointmentPage } from './BookAppointmentPage';
import { CancelAppointmentPage } from './CancelAppointmentPage';
import { ChangeAppointmentTimePage } from './ChangeAppointmentTimePage';
import { CheckInPage } from './CheckInPage';
import { ConfirmBookingPage } from './ConfirmBookingPage';
import { ConsultationSummaryPage } from './ConsultationSummaryPage';
import { DeleteSymptomCheckPage } from './DeleteSymptomCheckPage';
import { PatientProfilePage } from './PatientProfilePage';
import { PatientSymptomsPage } from './PatientSymptomsPage';
import { PharmacyPage } from './PharmacyPage';
import { PrescriptionPage } from './PrescriptionPage';
import { PrescriptionsPage } from './PrescriptionsPage';
import { ReplaysPage } from './ReplaysPage';
import { SymptomCheckPage } from './SymptomCheckPage';

/** Pages under /patient, for signed-in patients only. */
export function PatientRoutes() {
  return (
    <Routes>
      <Route element={<RequireRole role="patient" />}>
        <Route index element={<Navigate to="profile" replace />} />
        <Route path="profile" element={<PatientProfilePage />} />
        <Route path="book" element={<BookAppointmentPage />} />
        <Route path="book/confirm" element={<ConfirmBookingPage />} />
        <Route path="access" element={<AccessPage />} />
        <Route path="appointments" element={<AppointmentsPage />} />
        <Route path="appointments/:appointmentId/cancel" element={<CancelAppointmentPage />} />
        <Route path="appointments/:appointmentId/change-time" element={<ChangeAppointmentTimePage />} />
        <Route path="appointments/:appointmentId/check-in" element={<CheckInPage />} />
        <Route path="consultations/:consultationId" element={<ConsultationSummaryPage />} />
        <Route path="consultations/:consultationId/call" element={<CallPage />} />
        <Route path="prescriptions" element={<PrescriptionsPage />} />
        <Route path="prescriptions/:prescriptionId" element={<PrescriptionPage />} />
        <Route path="pharmacy" element={<PharmacyPage />} />
        <Route path="replays" element={<ReplaysPage />} />
        <Route path="replays/:consultationId" element={<ReplayPlayerPage role="patient" />} />
        <Route path="symptoms" element={<PatientSymptomsPage />} />
        <Route path="symptoms/:sessionId" element={<SymptomCheckPage />} />
        <Route path="symptoms/:sessionId/delete" element={<DeleteSymptomCheckPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

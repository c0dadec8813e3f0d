import { Navigate, Route, Routes } from 'react-router';
import { NotFoundPage } from '../public/NotFoundPage';
import { RequireRole } from '../session/RequireRole';
import { PatientProfilePage } from './PatientProfilePage';

/** Pages under /patient, for signed-in patients only. */
export function PatientRoutes() {
  return (
    <Routes>
      <Route element={<RequireRole role="patient" />}>
        <Route index element={<Navigate to="profile" replace />} />
        <Route path="profile" element={<PatientProfilePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

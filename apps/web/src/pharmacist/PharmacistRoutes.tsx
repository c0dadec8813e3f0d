import { Navigate, Route, Routes } from 'react-router';
import { NotFoundPage } from '../public/NotFoundPage';
import { RequireRole } from '../session/RequireRole';
import { PharmacistProfilePage } from './PharmacistProfilePage';
import { PharmacyPrescriptionPage } from './PharmacyPrescriptionPage';
import { PharmacyPrescriptionsPage } from './PharmacyPrescriptionsPage';

/** Pages under /pharmacist, for signed-in pharmacists only. */
export function PharmacistRoutes() {
  return (
    <Routes>
      <Route element={<RequireRole role="pharmacist" />}>
        <Route index element={<Navigate to="prescriptions" replace />} />
        <Route path="prescriptions" element={<PharmacyPrescriptionsPage />} />
        <Route path="prescriptions/:prescriptionId" element={<PharmacyPrescriptionPage />} />
        <Route path="profile" element={<PharmacistProfilePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

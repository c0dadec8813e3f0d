import { Navigate, Route, Routes } from 'react-router';
import { NotFoundPage } from '../public/NotFoundPage';
import { RequireRole } from '../session/RequireRole';
import { PharmacistProfilePage } from './PharmacistProfilePage';

/** Pages under /pharmacist, for signed-in pharmacists only. */
export function PharmacistRoutes() {
  return (
    <Routes>
      <Route element={<RequireRole role="pharmacist" />}>
        <Route index element={<Navigate to="profile" replace />} />
        <Route path="profile" element={<PharmacistProfilePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

import { Navigate, Route, Routes } from 'react-router';
import { NotFoundPage } from '../public/NotFoundPage';
import { RequireRole } from '../session/RequireRole';
import { PartnerProfilePage } from './PartnerProfilePage';

/** Pages under /partner, for signed-in partner administrators only. */
export function PartnerRoutes() {
  return (
    <Routes>
      <Route element={<RequireRole role="partner_admin" />}>
        <Route index element={<Navigate to="profile" replace />} />
        <Route path="profile" element={<PartnerProfilePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

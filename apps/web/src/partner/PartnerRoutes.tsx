import { Navigate, Route, Routes } from 'react-router';
import { NotFoundPage } from '../public/NotFoundPage';
import { RequireRole } from '../session/RequireRole';
import { MembersPage } from './MembersPage';
import { PartnerProfilePage } from './PartnerProfilePage';
import { UsagePage } from './UsagePage';

/** Pages under /partner, for signed-in partner administrators only. */
export function PartnerRoutes() {
  return (
    <Routes>
      <Route element={<RequireRole role="partner_admin" />}>
        <Route index element={<Navigate to="profile" replace />} />
        <Route path="profile" element={<PartnerProfilePage />} />
        <Route path="members" element={<MembersPage />} />
        <Route path="usage" element={<UsagePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

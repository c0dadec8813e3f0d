import { Navigate, Route, Routes } from 'react-router';
import { NotFoundPage } from '../public/NotFoundPage';
import { RequireRole } from '../session/RequireRole';
import { AdminProfilePage } from './AdminProfilePage';
import { AuditLogPage } from './AuditLogPage';
import { OutboxPage } from './OutboxPage';
import { StaffPage } from './StaffPage';

/** Pages under /admin, for signed-in clinic administrators only. */
export function AdminRoutes() {
  return (
    <Routes>
      <Route element={<RequireRole role="clinic_admin" />}>
        <Route index element={<Navigate to="profile" replace />} />
        <Route path="profile" element={<AdminProfilePage />} />
        <Route path="staff" element={<StaffPage />} />
        <Route path="audit" element={<AuditLogPage />} />
        <Route path="outbox" element={<OutboxPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

import { Navigate, Route, Routes } from 'react-router';
import { BreakGlassPage } from '../break-glass/BreakGlassPage';
import { NotFoundPage } from '../public/NotFoundPage';
import { ReplayPlayerPage } from '../recordings/ReplayPlayerPage';
import { RequireRole } from '../session/RequireRole';
import { AdminLayout } from './AdminLayout';
import { AdminProfilePage } from './AdminProfilePage';
import { AuditLogPage } from './AuditLogPage';
import { IncidentsPage } from './IncidentsPage';
import { OutboxPage } from './OutboxPage';
import { PharmacyDirectoryPage } from './PharmacyDirectoryPage';
import { ServiceSwitchesPage } from './ServiceSwitchesPage';
import { SigningKeysPage } from './SigningKeysPage';
import { StaffPage } from './StaffPage';

/** Pages under /admin, for signed-in clinic administrators only. */
export function AdminRoutes() {
  return (
    <Routes>
      <Route element={<RequireRole role="clinic_admin" />}>
        <Route element={<AdminLayout />}>
          <Route index element={<Navigate to="profile" replace />} />
          <Route path="profile" element={<AdminProfilePage />} />
          <Route path="staff" element={<StaffPage />} />
          <Route path="audit" element={<AuditLogPage />} />
          <Route path="outbox" element={<OutboxPage />} />
          <Route path="switches" element={<ServiceSwitchesPage />} />
          <Route path="incidents" element={<IncidentsPage />} />
          <Route path="break-glass" element={<BreakGlassPage />} />
          <Route path="pharmacies" element={<PharmacyDirectoryPage />} />
          <Route path="signing-keys" element={<SigningKeysPage />} />
          <Route path="replays/:consultationId" element={<ReplayPlayerPage role="clinic_admin" />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}

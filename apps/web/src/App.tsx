import { BrowserRouter, Route, Routes } from 'react-router';
import { AdminRoutes } from './admin/AdminRoutes';
import { ClinicianRoutes } from './clinician/ClinicianRoutes';
import { Layout } from './components/Layout';
import { PartnerRoutes } from './partner/PartnerRoutes';
import { PatientRoutes } from './patient/PatientRoutes';
import { PharmacistRoutes } from './pharmacist/PharmacistRoutes';
import { ForgotPasswordPage } from './public/ForgotPasswordPage';
import { HomePage } from './public/HomePage';
import { NotFoundPage } from './public/NotFoundPage';
import { ResetPasswordPage } from './public/ResetPasswordPage';
import { SignInPage } from './public/SignInPage';
import { SignUpPage } from './public/SignUpPage';
import { SessionProvider } from './session/SessionProvider';
import { TwoStepSetupPage } from './staff/TwoStepSetupPage';

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<HomePage />} />
            <Route path="sign-up" element={<SignUpPage />} />
            <Route path="sign-in" element={<SignInPage />} />
            <Route path="forgot-password" element={<ForgotPasswordPage />} />
            <Route path="reset-password" element={<ResetPasswordPage />} />
            <Route path="two-step-verification" element={<TwoStepSetupPage />} />
            <Route path="patient/*" element={<PatientRoutes />} />
            <Route path="clinician/*" element={<ClinicianRoutes />} />
            <Route path="pharmacist/*" element={<PharmacistRoutes />} />
            <Route path="partner/*" element={<PartnerRoutes />} />
            <Route path="admin/*" element={<AdminRoutes />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}

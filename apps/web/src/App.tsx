import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { Loading } from './components/Loading';
import { ForgotPasswordPage } from './public/ForgotPasswordPage';
import { HomePage } from './public/HomePage';
import { NotFoundPage } from './public/NotFoundPage';
import { ResetPasswordPage } from './public/ResetPasswordPage';
import { SignInPage } from './public/SignInPage';
import { SignUpPage } from './public/SignUpPage';
import { SessionProvider } from './session/SessionProvider';
import { TwoStepSetupPage } from './staff/TwoStepSetupPage';
import { SYMPTOM_CHECKER_PATH } from './triage/triage-paths';

// Each role's pages load on first visit, so a patient's phone never downloads the clinician's call tools or the
// admin console.
const PatientRoutes = lazy(() => import('./patient/PatientRoutes').then((m) => ({ default: m.PatientRoutes })));
const ClinicianRoutes = lazy(() => import('./clinician/ClinicianRoutes').then((m) => ({ default: m.ClinicianRoutes })));
const PharmacistRoutes = lazy(() => import('./pharmacist/PharmacistRoutes').then((m) => ({ default: m.PharmacistRoutes })));
const PartnerRoutes = lazy(() => import('./partner/PartnerRoutes').then((m) => ({ default: m.PartnerRoutes })));
const AdminRoutes = lazy(() => import('./admin/AdminRoutes').then((m) => ({ default: m.AdminRoutes })));
// The public symptom checker, for anyone (no account): loaded when first opened too.
const SymptomCheckerPage = lazy(() => import('./triage/SymptomCheckerPage').then((m) => ({ default: m.SymptomCheckerPage })));

function RoleArea({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading>Loading your pages…</Loading>}>{children}</Suspense>;
}

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
            <Route
              path={SYMPTOM_CHECKER_PATH.slice(1)}
              element={
                <Suspense fallback={<Loading>Loading the symptom checker…</Loading>}>
                  <SymptomCheckerPage />
                </Suspense>
              }
            />
            <Route path="patient/*" element={<RoleArea><PatientRoutes /></RoleArea>} />
            <Route path="clinician/*" element={<RoleArea><ClinicianRoutes /></RoleArea>} />
            <Route path="pharmacist/*" element={<RoleArea><PharmacistRoutes /></RoleArea>} />
            <Route path="partner/*" element={<RoleArea><PartnerRoutes /></RoleArea>} />
            <Route path="admin/*" element={<RoleArea><AdminRoutes /></RoleArea>} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}

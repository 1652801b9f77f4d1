import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useSessionContext } from '../features/auth/session';
import { Loading } from '../ui/states';
import { Layout } from './Layout';
import { usePageTitle } from '../lib/page-title';

const LoginPage = lazy(() => import('../features/auth/LoginPage'));
const SignupPage = lazy(() => import('../features/auth/SignupPage'));
const AcceptInvitePage = lazy(() => import('../features/auth/AcceptInvitePage'));
const loadCasesPage = () => import('../features/cases/list/CasesPage');
const CasesPage = lazy(loadCasesPage);
// The list is the page most sessions open on: fetch its code while the session is being restored, not after.
if (window.location.pathname === '/' || window.location.pathname === '/cases') void loadCasesPage();
const NewCasePage = lazy(() => import('../features/cases/NewCasePage'));
const CasePage = lazy(() => import('../features/cases/detail/CasePage'));
const ClientsPage = lazy(() => import('../features/clients/ClientsPage'));
const ClientPage = lazy(() => import('../features/clients/ClientPage'));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage'));
// Its charting library stays out of the initial JavaScript: loaded only when the page opens.
const ResultsPage = lazy(() => import('../features/reports/ResultsPage'));
const DevMailboxPage = lazy(() => import('../features/dev-mailbox/DevMailboxPage'));
const ConfirmEmailPage = lazy(() => import('../features/auth/ConfirmEmailPage'));

export function App() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route
          path="/login"
          element={
            <AnonymousOnly>
              <LoginPage />
            </AnonymousOnly>
          }
        />
        <Route
          path="/signup"
          element={
            <AnonymousOnly>
              <SignupPage />
            </AnonymousOnly>
          }
        />
        <Route path="/accept-invite" element={<AcceptInvitePage />} />
        <Route path="/confirm-email" element={<ConfirmEmailPage />} />
        <Route
          element={
            <RequireSession>
              <Layout />
            </RequireSession>
          }
        >
          <Route index element={<Navigate to="/cases" replace />} />
          <Route path="/cases" element={<CasesPage />} />
          <Route path="/cases/new" element={<NewCasePage />} />
          <Route path="/cases/:id" element={<CasePage />} />
          <Route path="/clients" element={<ClientsPage />} />
          <Route path="/clients/:id" element={<ClientPage />} />
          <Route path="/settings/*" element={<SettingsPage />} />
          <Route path="/results" element={<ResultsPage />} />
          <Route path="/dev/mail" element={<DevMailboxPage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

function RequireSession({ children }: { children: ReactNode }) {
  const { state } = useSessionContext();
  const location = useLocation();
  if (state.status === 'loading') return <Loading label="Signing you in…" />;
  if (state.status === 'anonymous') return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

function AnonymousOnly({ children }: { children: ReactNode }) {
  const { state } = useSessionContext();
  const location = useLocation();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'authenticated') {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from ?? '/cases'} replace />;
  }
  return <>{children}</>;
}

function NotFound() {
  usePageTitle('Page not found');
  return (
    <section>
      <h1>Page not found</h1>
      <p className="muted">The address does not match any page.</p>
    </section>
  );
}

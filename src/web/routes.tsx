import { lazy } from "react";
import { createBrowserRouter } from "react-router";
import { AppLayout } from "./components/AppLayout.tsx";
import { RequireActiveSession } from "./components/RequireActiveSession.tsx";
import { AccountPage } from "./features/account/AccountPage.tsx";
import { LoginPage } from "./features/auth/LoginPage.tsx";
import { HomePage } from "./features/home/HomePage.tsx";
import { NotFoundPage } from "./features/not-found/NotFoundPage.tsx";
import { PATHS } from "./paths.ts";

// Administration screens are for a few users: their code loads only when they open them.
const OrganisationsPage = lazy(() => import("./features/admin-organisations/OrganisationsPage.tsx"));
const UsersPage = lazy(() => import("./features/admin-users/UsersPage.tsx"));
const AuditPage = lazy(() => import("./features/audit/AuditPage.tsx"));
const QualificationPage = lazy(() => import("./features/qualification/QualificationPage.tsx"));
const ScreeningPage = lazy(() => import("./features/screening/ScreeningPage.tsx"));

export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <AppLayout />,
      children: [
        { path: PATHS.login, element: <LoginPage /> },
        {
          element: <RequireActiveSession />,
          children: [
            { path: PATHS.home, element: <HomePage /> },
            { path: PATHS.account, element: <AccountPage /> },
            { path: PATHS.organisations, element: <OrganisationsPage /> },
            { path: PATHS.users, element: <UsersPage /> },
            { path: PATHS.audit, element: <AuditPage /> },
            { path: PATHS.qualification, element: <QualificationPage /> },
            { path: PATHS.screening, element: <ScreeningPage /> },
          ],
        },
        { path: "*", element: <NotFoundPage /> },
      ],
    },
  ]);
}

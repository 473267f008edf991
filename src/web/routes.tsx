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
const DeadlineRulesPage = lazy(() => import("./features/deadline-rules/DeadlineRulesPage.tsx"));
const QualificationPage = lazy(() => import("./features/qualification/QualificationPage.tsx"));
const ScreeningPage = lazy(() => import("./features/screening/ScreeningPage.tsx"));
const CaseListPage = lazy(() => import("./features/cases/CaseListPage.tsx"));
const CreateCasePage = lazy(() => import("./features/cases/CreateCasePage.tsx"));
const CasePage = lazy(() => import("./features/cases/CasePage.tsx"));
const SubjectAccessPage = lazy(() => import("./features/cases/SubjectAccessPage.tsx"));
const LinkProposalsPage = lazy(() => import("./features/link-proposals/LinkProposalsPage.tsx"));
const EmergencyAccessReviewPage = lazy(() => import("./features/emergency-access/EmergencyAccessReviewPage.tsx"));
// The observatory's charts are heavy: they load only with its pages.
const ObservatoryPage = lazy(() => import("./features/observatory/ObservatoryPage.tsx"));
const DepartmentDashboardPage = lazy(() => import("./features/observatory/DepartmentDashboardPage.tsx"));
const SaturationPage = lazy(() => import("./features/observatory/SaturationPage.tsx"));
const SurveyPage = lazy(() => import("./features/observatory/survey/SurveyPage.tsx"));
const InboxPage = lazy(() => import("./features/pathway/InboxPage.tsx"));
const ReviewPage = lazy(() => import("./features/pathway/ReviewPage.tsx"));
const TransferPage = lazy(() => import("./features/pathway/TransferPage.tsx"));
const OpenDataPage = lazy(() => import("./features/open-data/OpenDataPage.tsx"));

export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <AppLayout />,
      children: [
        { path: PATHS.login, element: <LoginPage /> },
        // Open data is public: no session, and nothing on it is personal.
        { path: PATHS.openData, element: <OpenDataPage /> },
        {
          element: <RequireActiveSession />,
          children: [
            { path: PATHS.home, element: <HomePage /> },
            { path: PATHS.account, element: <AccountPage /> },
            { path: PATHS.organisations, element: <OrganisationsPage /> },
            { path: PATHS.users, element: <UsersPage /> },
            { path: PATHS.audit, element: <AuditPage /> },
            { path: PATHS.deadlineRules, element: <DeadlineRulesPage /> },
            { path: PATHS.qualification, element: <QualificationPage /> },
            { path: PATHS.screening, element: <ScreeningPage /> },
            { path: PATHS.cases, element: <CaseListPage /> },
            { path: PATHS.newCase, element: <CreateCasePage /> },
            { path: PATHS.linkProposals, element: <LinkProposalsPage /> },
            { path: PATHS.emergencyAccesses, element: <EmergencyAccessReviewPage /> },
            { path: PATHS.caseFile, element: <CasePage /> },
            { path: PATHS.subjectAccess, element: <SubjectAccessPage /> },
            { path: PATHS.inbox, element: <InboxPage /> },
            { path: PATHS.review, element: <ReviewPage /> },
            { path: PATHS.transfer, element: <TransferPage /> },
            { path: PATHS.observatory, element: <ObservatoryPage /> },
            { path: PATHS.observatoryDepartment, element: <DepartmentDashboardPage /> },
            { path: PATHS.observatorySaturation, element: <SaturationPage /> },
            { path: PATHS.observatorySurvey, element: <SurveyPage /> },
          ],
        },
        { path: "*", element: <NotFoundPage /> },
      ],
    },
  ]);
}

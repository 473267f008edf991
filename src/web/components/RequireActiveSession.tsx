import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Navigate, Outlet, useLocation } from "react-router";
import { PATHS } from "../paths.ts";
import { ActiveSessionContext, useSessionState } from "../session.ts";
import { LoadingMessage } from "./LoadingMessage.tsx";

export interface LoginRedirectState {
  from?: string;
}

/** Pages behind sign-in: anyone without an active session goes to /connexion, and comes back after. */
export function RequireActiveSession() {
  const location = useLocation();
  const { data, error, refetch } = useSessionState();

  if (error) {
    return (
      <div className="fr-my-4w">
        <Alert severity="error" title="Impossible de vérifier votre session" description={error.message} />
        <Button className="fr-mt-2w" onClick={() => refetch()}>
          Réessayer
        </Button>
      </div>
    );
  }
  if (!data) return <LoadingMessage />;
  if (data.view?.stage !== "active") {
    // After a deliberate sign-out the page left is not where the next person wants to go.
    const isLoggedOut = data.view === null && data.reason === "logged_out";
    const state: LoginRedirectState = isLoggedOut ? {} : { from: `${location.pathname}${location.search}` };
    return <Navigate to={PATHS.login} replace state={state} />;
  }
  return (
    <ActiveSessionContext value={data.view}>
      <Outlet />
    </ActiveSessionContext>
  );
}

import { Alert } from "@codegouvfr/react-dsfr/Alert";
import type { SessionStage } from "@shared/auth.ts";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Navigate, useLocation } from "react-router";
import { ChangePasswordForm } from "../../components/ChangePasswordForm.tsx";
import { LoadingMessage } from "../../components/LoadingMessage.tsx";
import type { LoginRedirectState } from "../../components/RequireActiveSession.tsx";
import { TotpEnrolment } from "../../components/TotpEnrolment.tsx";
import { PATHS } from "../../paths.ts";
import { sessionQuery, useSessionState } from "../../session.ts";
import { LoginForm } from "./LoginForm.tsx";
import { SecondFactorForm } from "./SecondFactorForm.tsx";

const STEP_TITLES: Record<Exclude<SessionStage, "active"> | "signed_out", string> = {
  signed_out: "Connexion",
  totp_required: "Connexion — double authentification",
  totp_enrollment_required: "Connexion — activer la double authentification",
  password_change_required: "Connexion — nouveau mot de passe",
};

/** Every sign-in step on one page; which one shows is the server's session stage, never a local guess. */
export function LoginPage() {
  const location = useLocation();
  const queryClient = useQueryClient();
  const { data, error } = useSessionState();
  const from = (location.state as LoginRedirectState | null)?.from;
  const stepRef = useRef<HTMLDivElement>(null);
  const stage = data ? (data.view?.stage ?? "signed_out") : undefined;
  const previousStage = useRef(stage);

  useEffect(() => {
    if (previousStage.current !== undefined && previousStage.current !== stage) {
      // The form just submitted is gone: start the next step from its heading, not from the top of the page.
      const heading = stepRef.current?.querySelector<HTMLElement>("h2");
      heading?.setAttribute("tabindex", "-1");
      heading?.focus();
    }
    previousStage.current = stage;
  }, [stage]);

  if (error)
    return (
      <Alert severity="error" className="fr-my-4w" title="Le service est injoignable" description={error.message} />
    );
  if (!data || !stage) return <LoadingMessage />;
  if (stage === "active") {
    return <Navigate to={from && from !== PATHS.login ? from : PATHS.home} replace />;
  }

  // Each step's answer moves the session on; reading it again shows the next step (or leaves the page).
  const refreshSession = () => queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey });

  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6 fr-py-4w">
        <title>{`${STEP_TITLES[stage]} — Repère`}</title>
        <h1>Connexion à Repère</h1>
        {data.view === null && data.reason === "session_expired" && (
          <Alert
            severity="info"
            small
            className="fr-mb-3w"
            description="Votre session a expiré. Veuillez vous reconnecter."
          />
        )}
        <div ref={stepRef}>
          {stage === "signed_out" && <LoginForm onStage={refreshSession} />}
          {stage === "totp_required" && <SecondFactorForm onStage={refreshSession} />}
          {stage === "totp_enrollment_required" && (
            <section aria-labelledby="enrolment-title">
              <h2 id="enrolment-title">Activer la double authentification</h2>
              <p>Votre rôle exige une double authentification : un code à usage unique, en plus du mot de passe.</p>
              <TotpEnrolment headingLevel="h3" onDone={refreshSession} />
            </section>
          )}
          {stage === "password_change_required" && (
            <section aria-labelledby="password-title">
              <h2 id="password-title">Choisissez votre mot de passe</h2>
              <p>Votre mot de passe est provisoire : choisissez-en un que vous seul(e) connaissez.</p>
              <ChangePasswordForm
                currentPasswordLabel="Mot de passe provisoire"
                submitLabel="Enregistrer et continuer"
                onChanged={refreshSession}
              />
            </section>
          )}
        </div>
      </div>
    </div>
  );
}

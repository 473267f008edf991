import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { ROLE_LABELS, requiresTotp } from "@shared/roles.ts";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ChangePasswordForm } from "../../components/ChangePasswordForm.tsx";
import { TotpEnrolment } from "../../components/TotpEnrolment.tsx";
import { PATHS } from "../../paths.ts";
import { canDo, sessionQuery, useActiveSession } from "../../session.ts";
import { DisableTotpForm } from "./DisableTotpForm.tsx";
import { LogoutEverywhere } from "./LogoutEverywhere.tsx";

export function AccountPage() {
  const session = useActiveSession();
  const queryClient = useQueryClient();
  const { user } = session;
  const [notice, setNotice] = useState<string>();
  const [isEnrolling, setIsEnrolling] = useState(false);
  const refreshSession = () => queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey });

  return (
    <>
      <title>Mon compte — Repère</title>
      <Breadcrumb currentPageLabel="Mon compte" homeLinkProps={{ to: PATHS.home }} segments={[]} />
      <h1>Mon compte</h1>
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-md-8">
          <dl>
            <dt className="fr-text--bold">Nom</dt>
            <dd className="fr-mb-1w">{user.displayName}</dd>
            <dt className="fr-text--bold">Adresse électronique</dt>
            <dd className="fr-mb-1w">{user.email}</dd>
            <dt className="fr-text--bold">Organisation</dt>
            <dd className="fr-mb-1w">{user.organisation.name}</dd>
            <dt className="fr-text--bold">{user.roles.length > 1 ? "Rôles" : "Rôle"}</dt>
            <dd className="fr-mb-1w">{user.roles.map((role) => ROLE_LABELS[role]).join(", ")}</dd>
          </dl>

          {notice && (
            <Alert
              severity="success"
              small
              role="status"
              description={notice}
              closable
              onClose={() => setNotice(undefined)}
              className="fr-mb-3w"
            />
          )}

          {canDo(session, "account.change_password") && (
            <section className="fr-mt-6w" aria-labelledby="password-section">
              <h2 id="password-section">Changer de mot de passe</h2>
              <ChangePasswordForm
                currentPasswordLabel="Mot de passe actuel"
                submitLabel="Changer le mot de passe"
                onChanged={() => {
                  setNotice("Votre mot de passe a été changé.");
                  refreshSession();
                }}
              />
            </section>
          )}

          {canDo(session, "account.manage_totp") && (
            <section className="fr-mt-6w" aria-labelledby="totp-section">
              <h2 id="totp-section">Double authentification</h2>
              {user.hasTotp ? (
                <>
                  <p>La double authentification est activée sur votre compte.</p>
                  {requiresTotp(user.roles) ? (
                    <p className="fr-hint-text">Elle est obligatoire pour votre rôle et ne peut pas être désactivée.</p>
                  ) : (
                    <DisableTotpForm
                      onDisabled={() => {
                        setNotice("La double authentification est désactivée.");
                        refreshSession();
                      }}
                    />
                  )}
                </>
              ) : isEnrolling ? (
                <TotpEnrolment
                  headingLevel="h3"
                  onDone={() => {
                    setIsEnrolling(false);
                    setNotice("La double authentification est activée.");
                    refreshSession();
                  }}
                />
              ) : (
                <>
                  <p>
                    Protégez votre compte : en plus du mot de passe, un code à usage unique affiché par une application
                    de votre téléphone sera demandé à la connexion.
                  </p>
                  <Button onClick={() => setIsEnrolling(true)}>Activer la double authentification</Button>
                </>
              )}
            </section>
          )}

          {canDo(session, "account.logout_everywhere") && (
            <section className="fr-mt-6w" aria-labelledby="sessions-section">
              <h2 id="sessions-section">Sessions</h2>
              <LogoutEverywhere />
            </section>
          )}
        </div>
      </div>
    </>
  );
}

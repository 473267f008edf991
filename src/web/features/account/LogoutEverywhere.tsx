import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";
import { api } from "../../api.ts";
import { PATHS } from "../../paths.ts";
import { markSignedOut } from "../../session.ts";

export function LogoutEverywhere() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [isConfirming, setIsConfirming] = useState(false);
  const logoutEverywhere = useMutation({
    mutationFn: api.logoutEverywhere,
    onSuccess: () => {
      markSignedOut(queryClient, "logged_out");
      navigate(PATHS.login, { replace: true });
    },
  });

  return (
    <>
      <p>
        Si vous avez oublié de vous déconnecter sur un autre ordinateur, ou si vous pensez qu'une autre personne utilise
        votre compte, fermez toutes vos sessions. Vous devrez vous reconnecter ici aussi.
      </p>
      {logoutEverywhere.error && (
        <Alert severity="error" small role="alert" description={logoutEverywhere.error.message} className="fr-mb-2w" />
      )}
      {isConfirming ? (
        <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
          <li>
            <Button onClick={() => logoutEverywhere.mutate()} disabled={logoutEverywhere.isPending}>
              Confirmer : me déconnecter de tous les appareils
            </Button>
          </li>
          <li>
            <Button priority="secondary" onClick={() => setIsConfirming(false)}>
              Annuler
            </Button>
          </li>
        </ul>
      ) : (
        <Button priority="secondary" iconId="fr-icon-logout-box-r-line" onClick={() => setIsConfirming(true)}>
          Se déconnecter de tous les appareils
        </Button>
      )}
    </>
  );
}

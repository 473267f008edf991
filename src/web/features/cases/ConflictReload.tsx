import { Button } from "@codegouvfr/react-dsfr/Button";
import { useState } from "react";

interface ConflictReloadProps {
  onReload: () => Promise<unknown>;
}

/** Under a conflict message: reloads the case while the form keeps what the user typed. */
export function ConflictReload({ onReload }: ConflictReloadProps) {
  const [state, setState] = useState<"idle" | "loading" | "done">("idle");

  async function handleClick() {
    setState("loading");
    await onReload();
    setState("done");
  }

  return (
    <div className="fr-mb-3w">
      <Button
        type="button"
        priority="secondary"
        iconId="fr-icon-refresh-line"
        onClick={handleClick}
        disabled={state === "loading"}
      >
        Recharger le dossier
      </Button>
      <p role="status" className="fr-hint-text fr-mt-1w">
        {state === "done"
          ? "Le dossier a été rechargé. Vos saisies sont conservées : vérifiez-les, puis enregistrez à nouveau."
          : "Vos saisies sont conservées pendant le rechargement."}
      </p>
    </div>
  );
}

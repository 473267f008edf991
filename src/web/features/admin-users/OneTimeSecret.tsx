import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useEffect, useRef } from "react";

interface OneTimeSecretProps {
  title: string;
  secret: string;
  onDone: () => void;
}

/** A temporary password, shown once: the administrator hands it over, the user changes it at next sign-in. */
export function OneTimeSecret({ title, secret, onDone }: OneTimeSecretProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);

  return (
    <div ref={ref} tabIndex={-1} className="fr-mb-4w">
      <Alert
        severity="warning"
        title={title}
        description={
          <>
            <span className="fr-sr-only">Mot de passe provisoire : </span>
            <span className="fr-text--lg fr-text--bold" style={{ fontFamily: "monospace", display: "block" }}>
              {secret}
            </span>
            Il ne sera plus affiché. Transmettez-le à la personne par un canal sûr (de vive voix, pas par courriel avec
            son adresse). Elle devra le changer à sa prochaine connexion.
          </>
        }
      />
      <Button className="fr-mt-2w" priority="secondary" onClick={onDone}>
        J'ai transmis le mot de passe provisoire
      </Button>
    </div>
  );
}

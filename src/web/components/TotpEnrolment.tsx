import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import type { TotpSetupView } from "@shared/auth.ts";
import { EnableTotpInput } from "@shared/auth.ts";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { api, type StageView } from "../api.ts";
import { FormErrorAlert } from "./FormErrorAlert.tsx";
import {
  type FormErrors,
  fieldState,
  formErrorsFromUnknown,
  formErrorsFromZod,
  isInvalid,
  NO_ERRORS,
} from "./form-errors.ts";

/** Groups of four characters are easier to copy by hand into an app than 32 letters in a row. */
export function groupSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

interface TotpEnrolmentProps {
  /** Heading level of the step titles, so the component fits the page that hosts it. */
  headingLevel: "h2" | "h3";
  /** Called once the user confirmed they kept the recovery codes. */
  onDone: (view: StageView) => void;
}

/** Enabling the second factor: show the secret, check a first code, then hand over the recovery codes once. */
export function TotpEnrolment({ headingLevel: Heading, onDone }: TotpEnrolmentProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [setup, setSetup] = useState<TotpSetupView>();
  const [code, setCode] = useState("");
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [enabled, setEnabled] = useState<StageView & { recoveryCodes: string[] }>();

  const start = useMutation({
    mutationFn: api.startTotpSetup,
    onSuccess: setSetup,
    onError: (error) => setErrors(formErrorsFromUnknown(error)),
  });
  const enable = useMutation({
    mutationFn: api.enableTotp,
    onSuccess: setEnabled,
    onError: (error) => setErrors(formErrorsFromUnknown(error)),
  });

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = EnableTotpInput.safeParse({ code });
    if (!parsed.success) {
      setErrors(formErrorsFromZod(parsed.error));
      return;
    }
    setErrors(NO_ERRORS);
    enable.mutate(parsed.data);
  }

  if (enabled) {
    return <RecoveryCodes headingLevel={Heading} codes={enabled.recoveryCodes} onDone={() => onDone(enabled)} />;
  }

  if (!setup) {
    return (
      <form
        ref={formRef}
        onSubmit={(event) => {
          event.preventDefault();
          start.mutate();
        }}
      >
        <FormErrorAlert errors={errors} formRef={formRef} />
        <p>
          Installez sur votre téléphone une application d'authentification (par exemple FreeOTP, Aegis ou Google
          Authenticator), puis affichez la clé à y enregistrer.
        </p>
        <Button type="submit" disabled={start.isPending}>
          Afficher la clé à enregistrer
        </Button>
      </form>
    );
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate>
      <Heading className="fr-h6">1. Enregistrez la clé dans votre application</Heading>
      <p>Saisissez cette clé dans votre application d'authentification (type « basé sur le temps ») :</p>
      <p className="fr-text--lg" style={{ fontFamily: "monospace", letterSpacing: "0.1em" }}>
        <span className="fr-sr-only">Clé : </span>
        {groupSecret(setup.secret)}
      </p>
      <p>
        Sur un téléphone, vous pouvez aussi <a href={setup.otpauthUri}>ouvrir ce lien dans l'application</a>. Adresse
        complète du lien :
      </p>
      <p className="fr-text--sm" style={{ overflowWrap: "anywhere", fontFamily: "monospace" }}>
        {setup.otpauthUri}
      </p>
      <Heading className="fr-h6">2. Saisissez le code affiché par l'application</Heading>
      <FormErrorAlert errors={errors} formRef={formRef} />
      <Input
        label="Code à 6 chiffres"
        {...fieldState(errors, "code")}
        nativeInputProps={{
          name: "code",
          inputMode: "numeric",
          autoComplete: "one-time-code",
          maxLength: 6,
          value: code,
          onChange: (event) => setCode(event.target.value),
          "aria-invalid": isInvalid(errors, "code"),
        }}
      />
      <Button type="submit" disabled={enable.isPending}>
        Activer la double authentification
      </Button>
    </form>
  );
}

interface RecoveryCodesProps {
  headingLevel: "h2" | "h3";
  codes: string[];
  onDone: () => void;
}

function RecoveryCodes({ headingLevel: Heading, codes, onDone }: RecoveryCodesProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  return (
    <div>
      <Heading ref={headingRef} tabIndex={-1} className="fr-h5">
        Vos codes de secours
      </Heading>
      <Alert
        severity="warning"
        title="Conservez ces codes maintenant : ils ne seront plus jamais affichés"
        description="Si vous perdez votre téléphone, chaque code permet une connexion, une seule fois. Imprimez-les ou notez-les et rangez-les en lieu sûr, hors de votre téléphone."
        className="fr-mb-3w"
      />
      <ul className="fr-raw-list" style={{ fontFamily: "monospace", fontSize: "1.25rem" }}>
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <Button className="fr-mt-3w" onClick={onDone}>
        J'ai conservé mes codes de secours, continuer
      </Button>
    </div>
  );
}

import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { TotpInput } from "@shared/auth.ts";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { api, type StageView } from "../../api.ts";
import { FormErrorAlert } from "../../components/FormErrorAlert.tsx";
import {
  type FormErrors,
  fieldState,
  formErrorsFromUnknown,
  isInvalid,
  NO_ERRORS,
} from "../../components/form-errors.ts";

/** The second sign-in step: a code from the authenticator app, or one of the recovery codes. */
export function SecondFactorForm({ onStage }: { onStage: (view: StageView) => void }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [useRecoveryCode, setUseRecoveryCode] = useState(false);
  const [value, setValue] = useState("");
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const field = useRecoveryCode ? "recoveryCode" : "code";

  const verify = useMutation({
    mutationFn: api.verifySecondFactor,
    onSuccess: onStage,
    onError: (error) => setErrors(formErrorsFromUnknown(error)),
  });

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = TotpInput.safeParse(useRecoveryCode ? { recoveryCode: value } : { code: value });
    if (!parsed.success) {
      // A union reports each branch's issue; keep those about the field the user is filling in.
      const issues = parsed.error.issues.flatMap((issue) =>
        issue.code === "invalid_union" ? issue.errors.flat() : [issue],
      );
      const message = issues.find((issue) => issue.path[0] === field)?.message ?? "Code invalide.";
      setErrors({ fields: { [field]: message } });
      return;
    }
    setErrors(NO_ERRORS);
    verify.mutate(parsed.data);
  }

  function toggleRecoveryCode() {
    setUseRecoveryCode(!useRecoveryCode);
    setValue("");
    setErrors(NO_ERRORS);
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate aria-labelledby="second-factor-title">
      <h2 id="second-factor-title">Double authentification</h2>
      <FormErrorAlert errors={errors} formRef={formRef} />
      {useRecoveryCode ? (
        <Input
          key="recoveryCode"
          label="Code de secours"
          hintText="Un des codes de secours remis lors de l'activation. Chaque code ne sert qu'une fois."
          {...fieldState(errors, "recoveryCode")}
          nativeInputProps={{
            name: "recoveryCode",
            autoComplete: "off",
            spellCheck: false,
            value,
            onChange: (event) => setValue(event.target.value),
            "aria-invalid": isInvalid(errors, "recoveryCode"),
          }}
        />
      ) : (
        <Input
          key="code"
          label="Code à 6 chiffres"
          hintText="Le code affiché par votre application d'authentification."
          {...fieldState(errors, "code")}
          nativeInputProps={{
            name: "code",
            inputMode: "numeric",
            autoComplete: "one-time-code",
            maxLength: 6,
            value,
            onChange: (event) => setValue(event.target.value),
            "aria-invalid": isInvalid(errors, "code"),
          }}
        />
      )}
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        <li>
          <Button type="submit" disabled={verify.isPending}>
            Valider
          </Button>
        </li>
        <li>
          <Button type="button" priority="tertiary" onClick={toggleRecoveryCode}>
            {useRecoveryCode ? "Utiliser un code de l'application" : "Utiliser un code de secours"}
          </Button>
        </li>
      </ul>
    </form>
  );
}

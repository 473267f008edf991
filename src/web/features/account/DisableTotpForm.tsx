import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { EnableTotpInput } from "@shared/auth.ts";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { api } from "../../api.ts";
import { FormErrorAlert } from "../../components/FormErrorAlert.tsx";
import {
  type FormErrors,
  fieldState,
  formErrorsFromUnknown,
  formErrorsFromZod,
  isInvalid,
  NO_ERRORS,
} from "../../components/form-errors.ts";

/** Turning the second factor off takes a current code, so a borrowed open session cannot do it. */
export function DisableTotpForm({ onDisabled }: { onDisabled: () => void }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [code, setCode] = useState("");
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const disable = useMutation({
    mutationFn: api.disableTotp,
    onSuccess: onDisabled,
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
    disable.mutate(parsed.data);
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate>
      <FormErrorAlert errors={errors} formRef={formRef} />
      <Input
        label="Code à 6 chiffres pour confirmer"
        hintText="Le code affiché par votre application d'authentification."
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
      <Button type="submit" priority="secondary" disabled={disable.isPending}>
        Désactiver la double authentification
      </Button>
    </form>
  );
}

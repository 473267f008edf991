import { Button } from "@codegouvfr/react-dsfr/Button";
import { PasswordInput } from "@codegouvfr/react-dsfr/blocks/PasswordInput";
import { ChangePasswordInput, PASSWORD_MIN_LENGTH } from "@shared/auth.ts";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { api, type StageView } from "../api.ts";
import { FormErrorAlert } from "./FormErrorAlert.tsx";
import {
  type FormErrors,
  formErrorsFromUnknown,
  formErrorsFromZod,
  isInvalid,
  NO_ERRORS,
  passwordMessages,
} from "./form-errors.ts";

interface ChangePasswordFormProps {
  /** "Mot de passe provisoire" when an administrator just created or reset the account. */
  currentPasswordLabel: string;
  submitLabel: string;
  onChanged: (view: StageView) => void;
}

export function ChangePasswordForm({ currentPasswordLabel, submitLabel, onChanged }: ChangePasswordFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  const change = useMutation({
    mutationFn: api.changePassword,
    onSuccess: (view) => {
      setCurrentPassword("");
      setNewPassword("");
      setConfirmation("");
      onChanged(view);
    },
    onError: (error) => setErrors(formErrorsFromUnknown(error)),
  });

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = ChangePasswordInput.safeParse({ currentPassword, newPassword });
    const found = parsed.success ? NO_ERRORS : formErrorsFromZod(parsed.error);
    const fields = { ...found.fields };
    if (confirmation !== newPassword) fields.confirmation = "Les deux mots de passe ne sont pas identiques.";
    if (!parsed.success || fields.confirmation) {
      setErrors({ fields });
      return;
    }
    setErrors(NO_ERRORS);
    change.mutate(parsed.data);
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate>
      <FormErrorAlert errors={errors} formRef={formRef} />
      <PasswordInput
        label={currentPasswordLabel}
        messagesHint=""
        {...passwordMessages(errors, "currentPassword")}
        nativeInputProps={{
          name: "currentPassword",
          autoComplete: "current-password",
          value: currentPassword,
          onChange: (event) => setCurrentPassword(event.target.value),
          "aria-invalid": isInvalid(errors, "currentPassword"),
        }}
      />
      <PasswordInput
        label="Nouveau mot de passe"
        hintText={`Au moins ${PASSWORD_MIN_LENGTH} caractères. Une phrase de plusieurs mots est facile à retenir et difficile à deviner.`}
        messagesHint=""
        {...passwordMessages(errors, "newPassword")}
        nativeInputProps={{
          name: "newPassword",
          autoComplete: "new-password",
          value: newPassword,
          onChange: (event) => setNewPassword(event.target.value),
          "aria-invalid": isInvalid(errors, "newPassword"),
        }}
      />
      <PasswordInput
        label="Confirmez le nouveau mot de passe"
        messagesHint=""
        {...passwordMessages(errors, "confirmation")}
        nativeInputProps={{
          name: "confirmation",
          autoComplete: "new-password",
          value: confirmation,
          onChange: (event) => setConfirmation(event.target.value),
          "aria-invalid": isInvalid(errors, "confirmation"),
        }}
      />
      <Button type="submit" disabled={change.isPending}>
        {submitLabel}
      </Button>
    </form>
  );
}

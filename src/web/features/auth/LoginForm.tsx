import { Button } from "@codegouvfr/react-dsfr/Button";
import { PasswordInput } from "@codegouvfr/react-dsfr/blocks/PasswordInput";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { LoginInput } from "@shared/auth.ts";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { api, type StageView } from "../../api.ts";
import { FormErrorAlert } from "../../components/FormErrorAlert.tsx";
import {
  type FormErrors,
  fieldState,
  formErrorsFromUnknown,
  formErrorsFromZod,
  isInvalid,
  NO_ERRORS,
  passwordMessages,
} from "../../components/form-errors.ts";

export function LoginForm({ onStage }: { onStage: (view: StageView) => void }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  const login = useMutation({
    mutationFn: api.login,
    onSuccess: onStage,
    onError: (error) => setErrors(formErrorsFromUnknown(error)),
  });

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = LoginInput.safeParse({ email, password });
    if (!parsed.success) {
      setErrors(formErrorsFromZod(parsed.error));
      return;
    }
    setErrors(NO_ERRORS);
    login.mutate(parsed.data);
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate aria-labelledby="login-title">
      <h2 id="login-title">Se connecter avec son compte</h2>
      <FormErrorAlert errors={errors} formRef={formRef} />
      <p className="fr-hint-text">Tous les champs sont obligatoires.</p>
      <Input
        label="Adresse électronique"
        hintText="Format attendu : nom@domaine.fr"
        {...fieldState(errors, "email")}
        nativeInputProps={{
          type: "email",
          name: "email",
          autoComplete: "username",
          value: email,
          onChange: (event) => setEmail(event.target.value),
          "aria-invalid": isInvalid(errors, "email"),
        }}
      />
      <PasswordInput
        label="Mot de passe"
        messagesHint=""
        {...passwordMessages(errors, "password")}
        nativeInputProps={{
          name: "password",
          autoComplete: "current-password",
          value: password,
          onChange: (event) => setPassword(event.target.value),
          "aria-invalid": isInvalid(errors, "password"),
        }}
      />
      <Button type="submit" disabled={login.isPending}>
        {login.isPending ? "Connexion…" : "Se connecter"}
      </Button>
    </form>
  );
}

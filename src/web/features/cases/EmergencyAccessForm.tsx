import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { EmergencyAccessInput } from "@shared/cases.ts";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { api } from "../../api.ts";
import { FormButtons } from "../../components/FormButtons.tsx";
import { FormErrorAlert } from "../../components/FormErrorAlert.tsx";
import { type FormErrors, NO_ERRORS } from "../../components/form-errors.ts";
import { fieldStateAt, invalidAt, nestedErrorsFromUnknown, nestedErrorsFromZod } from "./case-form-errors.ts";
import { caseFilePath } from "./case-paths.ts";

/** Break-glass: a case outside one's scope, opened read-only for a few hours with a written reason. */
export function EmergencyAccessForm({ onCancel }: { onCancel: () => void }) {
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [caseNumber, setCaseNumber] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  useEffect(() => headingRef.current?.focus(), []);

  const request = useMutation({
    mutationFn: api.requestEmergencyAccess,
    onSuccess: (grant) => navigate(caseFilePath(grant.caseId)),
    onError: (error) => setErrors(nestedErrorsFromUnknown(error)),
  });

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = EmergencyAccessInput.safeParse({ caseNumber, reason });
    if (!parsed.success) {
      setErrors(nestedErrorsFromZod(parsed.error));
      return;
    }
    setErrors(NO_ERRORS);
    request.mutate(parsed.data);
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate>
      <h2 ref={headingRef} tabIndex={-1} className="fr-h4">
        Accès d'urgence à un dossier
      </h2>
      <Alert
        severity="warning"
        small
        className="fr-mb-3w"
        description="Réservé aux situations où un ou une jeune est en danger et où son dossier est tenu par une autre organisation. L'accès dure quelques heures, en lecture seule. Les responsables de l'organisation qui tient le dossier sont alertés, et l'accès et votre motif seront examinés."
      />
      <FormErrorAlert errors={errors} formRef={formRef} />
      <Input
        label="Numéro du dossier"
        hintText="Format : 93-2026-000123"
        className="fr-col-12 fr-col-md-6"
        {...fieldStateAt(errors, "caseNumber")}
        nativeInputProps={{
          name: "caseNumber",
          autoComplete: "off",
          spellCheck: false,
          value: caseNumber,
          onChange: (event) => setCaseNumber(event.target.value),
          "aria-invalid": invalidAt(errors, "caseNumber"),
        }}
      />
      <Input
        label="Motif de l'urgence"
        hintText="20 caractères au moins : qui est en danger, pourquoi vous ne pouvez pas attendre le partage du dossier."
        textArea
        {...fieldStateAt(errors, "reason")}
        nativeTextAreaProps={{
          name: "reason",
          rows: 4,
          maxLength: 2000,
          value: reason,
          onChange: (event) => setReason(event.target.value),
          "aria-invalid": invalidAt(errors, "reason"),
        }}
      />
      <FormButtons
        submit="Ouvrir le dossier en urgence"
        pending={request.isPending}
        onCancel={onCancel}
        inFieldset={false}
      />
    </form>
  );
}

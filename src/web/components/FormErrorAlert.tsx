import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { type RefObject, useEffect, useRef } from "react";
import type { FormErrors } from "./form-errors.ts";

interface FormErrorAlertProps {
  errors: FormErrors;
  /** The form whose first invalid field gets the focus; without invalid fields, the alert gets it. */
  formRef: RefObject<HTMLFormElement | null>;
}

/** Shows the server problem's title and moves the focus where the user must act, each time errors change. */
export function FormErrorAlert({ errors, formRef }: FormErrorAlertProps) {
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const firstInvalid = formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']");
    if (firstInvalid) firstInvalid.focus();
    else if (errors.title) alertRef.current?.focus();
  }, [errors, formRef]);

  if (!errors.title) return null;
  return (
    <div ref={alertRef} tabIndex={-1} className="fr-mb-3w">
      <Alert
        severity="error"
        role="alert"
        small
        description={errors.detail ? `${errors.title} ${errors.detail}` : errors.title}
      />
    </div>
  );
}

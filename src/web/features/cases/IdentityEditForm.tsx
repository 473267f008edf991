import { type CaseView, type IdentityView, UpdateIdentityInput } from "@shared/cases.ts";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { api } from "../../api.ts";
import { FormButtons } from "../../components/FormButtons.tsx";
import { FormErrorAlert } from "../../components/FormErrorAlert.tsx";
import { NO_ERRORS } from "../../components/form-errors.ts";
import { ConflictReload } from "./ConflictReload.tsx";
import { nestedErrorsFromZod } from "./case-form-errors.ts";
import { identityDraftOf, identityInputOf } from "./case-form-model.ts";
import { IdentityFields } from "./IdentityFields.tsx";
import { useCaseChange, useReloadCase } from "./use-case-change.ts";

interface IdentityEditFormProps {
  caseFile: CaseView;
  identity: IdentityView;
  onSaved: (identity: IdentityView) => void;
  onCancel: () => void;
}

export function IdentityEditForm({ caseFile, identity, onSaved, onCancel }: IdentityEditFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState(() => identityDraftOf(identity));
  const reload = useReloadCase(caseFile.id);
  const { mutation, errors, setErrors, isConflict } = useCaseChange(
    caseFile.id,
    (input: UpdateIdentityInput) => api.updateCaseIdentity(caseFile.id, input),
    // The saved identity is read back through the audited reveal, as any other display of it.
    () => void api.revealCaseIdentity(caseFile.id).then(onSaved),
  );

  useEffect(() => formRef.current?.querySelector<HTMLElement>("input")?.focus(), []);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = UpdateIdentityInput.safeParse({ version: caseFile.version, identity: identityInputOf(draft) });
    if (!parsed.success) {
      setErrors(nestedErrorsFromZod(parsed.error));
      return;
    }
    setErrors(NO_ERRORS);
    mutation.mutate(parsed.data);
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="fr-mb-4w">
      <FormErrorAlert errors={errors} formRef={formRef} />
      {isConflict && <ConflictReload onReload={reload} />}
      <IdentityFields draft={draft} errors={errors} onChange={setDraft} headingLevel="h4" />
      <FormButtons
        submit="Enregistrer l'identité"
        pending={mutation.isPending}
        onCancel={onCancel}
        inFieldset={false}
      />
    </form>
  );
}

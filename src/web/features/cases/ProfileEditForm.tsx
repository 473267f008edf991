import { type CaseView, UpdateCaseInput } from "@shared/cases.ts";
import { type FormEvent, useRef, useState } from "react";
import { api } from "../../api.ts";
import { FormButtons } from "../../components/FormButtons.tsx";
import { FormErrorAlert } from "../../components/FormErrorAlert.tsx";
import { NO_ERRORS } from "../../components/form-errors.ts";
import { ConflictReload } from "./ConflictReload.tsx";
import { nestedErrorsFromZod } from "./case-form-errors.ts";
import { type ProfileDraft, profileDraftOf, profileInputOf } from "./case-form-model.ts";
import { ProfileFields } from "./ProfileFields.tsx";
import { useCaseChange, useReloadCase } from "./use-case-change.ts";

interface ProfileEditFormProps {
  caseFile: CaseView & { profile: NonNullable<CaseView["profile"]> };
  onSaved: () => void;
  onCancel: () => void;
}

/** Edits the whole profile at once; the version sent is the one last loaded, so a concurrent change is caught. */
export function ProfileEditForm({ caseFile, onSaved, onCancel }: ProfileEditFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<ProfileDraft>(() => profileDraftOf(caseFile.profile));
  const reload = useReloadCase(caseFile.id);
  const { mutation, errors, setErrors, isConflict } = useCaseChange(
    caseFile.id,
    (input: UpdateCaseInput) => api.updateCaseProfile(caseFile.id, input),
    onSaved,
  );

  // The whole profile is sent, not only the changed fields: the shared schema fills the defaults of the fields left
  // out (zod's partial keeps them), and the server would then reset those fields.
  const isUnchanged = (current: ProfileDraft) =>
    JSON.stringify(profileInputOf(current)) === JSON.stringify(profileInputOf(profileDraftOf(caseFile.profile)));

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = UpdateCaseInput.safeParse({ version: caseFile.version, profile: profileInputOf(draft) });
    if (!parsed.success) {
      setErrors(nestedErrorsFromZod(parsed.error));
      return;
    }
    setErrors(NO_ERRORS);
    if (isUnchanged(draft)) {
      onCancel();
      return;
    }
    mutation.mutate(parsed.data);
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate aria-labelledby="profile-edit-title">
      <h3 id="profile-edit-title" className="fr-h4" tabIndex={-1}>
        Modifier le profil
      </h3>
      <FormErrorAlert errors={errors} formRef={formRef} />
      {isConflict && <ConflictReload onReload={reload} />}
      <ProfileFields draft={draft} errors={errors} onChange={setDraft} headingLevel="h4" />
      <FormButtons submit="Enregistrer le profil" pending={mutation.isPending} onCancel={onCancel} inFieldset={false} />
    </form>
  );
}

import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { type OrganisationView, UpdateOrganisationInput } from "@shared/admin.ts";
import { departmentLabel } from "@shared/departments.ts";
import { ORGANISATION_TYPE_LABELS } from "@shared/roles.ts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { ApiProblem, api } from "../../api.ts";
import { FormButtons } from "../../components/FormButtons.tsx";
import { FormErrorAlert } from "../../components/FormErrorAlert.tsx";
import {
  type FormErrors,
  fieldState,
  formErrorsFromUnknown,
  formErrorsFromZod,
  isInvalid,
  NO_ERRORS,
} from "../../components/form-errors.ts";
import { organisationsQueryKey } from "./organisations-query.ts";

interface EditOrganisationFormProps {
  organisation: OrganisationView;
  onSaved: (organisation: OrganisationView) => void;
  /** Someone else saved first: the list is reloaded and the form shows their version. */
  onConflict: (message: string) => void;
  onCancel: () => void;
}

export function EditOrganisationForm({ organisation, onSaved, onConflict, onCancel }: EditOrganisationFormProps) {
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState(organisation.name);
  const [isActive, setIsActive] = useState(organisation.isActive);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  const update = useMutation({
    mutationFn: (input: UpdateOrganisationInput) => api.updateOrganisation(organisation.id, input),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: organisationsQueryKey });
      onSaved(saved);
    },
    onError: async (error) => {
      if (error instanceof ApiProblem && error.code === "conflict") {
        onConflict(error.problem.title);
        await queryClient.invalidateQueries({ queryKey: organisationsQueryKey });
        return;
      }
      setErrors(formErrorsFromUnknown(error));
    },
  });

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = UpdateOrganisationInput.safeParse({
      ...(name !== organisation.name ? { name } : {}),
      ...(isActive !== organisation.isActive ? { isActive } : {}),
      version: organisation.version,
    });
    if (!parsed.success) {
      setErrors(formErrorsFromZod(parsed.error));
      return;
    }
    setErrors(NO_ERRORS);
    update.mutate(parsed.data);
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate>
      <h2 tabIndex={-1}>Modifier « {organisation.name} »</h2>
      <p>
        {ORGANISATION_TYPE_LABELS[organisation.type]} —{" "}
        {organisation.departmentCode ? departmentLabel(organisation.departmentCode) : "national"}
      </p>
      <FormErrorAlert errors={errors} formRef={formRef} />
      <Input
        label="Nom"
        {...fieldState(errors, "name")}
        nativeInputProps={{
          name: "name",
          value: name,
          onChange: (event) => setName(event.target.value),
          "aria-invalid": isInvalid(errors, "name"),
        }}
      />
      <Checkbox
        legend="État"
        hintText="Une organisation désactivée ne peut plus recevoir de nouveaux comptes."
        options={[
          {
            label: "Organisation active",
            nativeInputProps: {
              name: "isActive",
              checked: isActive,
              onChange: (event) => setIsActive(event.target.checked),
            },
          },
        ]}
      />
      <FormButtons submit="Enregistrer" pending={update.isPending} onCancel={onCancel} inFieldset={false} />
    </form>
  );
}

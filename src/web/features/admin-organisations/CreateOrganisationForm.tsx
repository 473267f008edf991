import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { CreateOrganisationInput, type OrganisationView } from "@shared/admin.ts";
import { ORGANISATION_TYPE_LABELS, ORGANISATION_TYPES, organisationTypeHasDepartment } from "@shared/roles.ts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { api } from "../../api.ts";
import { DepartmentOptions } from "../../components/DepartmentOptions.tsx";
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

interface CreateOrganisationFormProps {
  defaultDepartmentCode: string | null;
  onCreated: (organisation: OrganisationView) => void;
  onCancel: () => void;
}

export function CreateOrganisationForm({ defaultDepartmentCode, onCreated, onCancel }: CreateOrganisationFormProps) {
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState("");
  const [type, setType] = useState("");
  const [departmentCode, setDepartmentCode] = useState(defaultDepartmentCode ?? "");
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const selectedType = ORGANISATION_TYPES.find((value) => value === type);
  const isNational = selectedType !== undefined && !organisationTypeHasDepartment(selectedType);

  const create = useMutation({
    mutationFn: api.createOrganisation,
    onSuccess: async (organisation) => {
      await queryClient.invalidateQueries({ queryKey: organisationsQueryKey });
      onCreated(organisation);
    },
    onError: (error) => setErrors(formErrorsFromUnknown(error)),
  });

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = CreateOrganisationInput.safeParse({
      name,
      type,
      departmentCode: isNational || departmentCode === "" ? null : departmentCode,
    });
    if (!parsed.success) {
      setErrors(formErrorsFromZod(parsed.error));
      return;
    }
    setErrors(NO_ERRORS);
    create.mutate(parsed.data);
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate>
      <h2 tabIndex={-1}>Créer une organisation</h2>
      <FormErrorAlert errors={errors} formRef={formRef} />
      <p className="fr-hint-text">Tous les champs sont obligatoires.</p>
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
      <Select
        label="Type d'organisation"
        {...fieldState(errors, "type")}
        nativeSelectProps={{
          name: "type",
          value: type,
          onChange: (event) => setType(event.target.value),
          "aria-invalid": isInvalid(errors, "type"),
        }}
      >
        <option value="" disabled>
          Choisir un type
        </option>
        {ORGANISATION_TYPES.map((value) => (
          <option key={value} value={value}>
            {ORGANISATION_TYPE_LABELS[value]}
          </option>
        ))}
      </Select>
      {!isNational && (
        <Select
          label="Département"
          {...fieldState(errors, "departmentCode")}
          nativeSelectProps={{
            name: "departmentCode",
            value: departmentCode,
            onChange: (event) => setDepartmentCode(event.target.value),
            "aria-invalid": isInvalid(errors, "departmentCode"),
          }}
        >
          <option value="" disabled>
            Choisir un département
          </option>
          <DepartmentOptions />
        </Select>
      )}
      <FormButtons submit="Créer l'organisation" pending={create.isPending} onCancel={onCancel} inFieldset={false} />
    </form>
  );
}

import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { CreateUserInput, type OrganisationView, type UserView } from "@shared/admin.ts";
import { ROLES_BY_ORGANISATION_TYPE, type Role } from "@shared/roles.ts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { api } from "../../api.ts";
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
import { RolesCheckboxes } from "./RolesCheckboxes.tsx";
import { usersQueryKey } from "./users-query.ts";

interface CreateUserFormProps {
  organisations: OrganisationView[];
  onCreated: (user: UserView, temporaryPassword: string) => void;
  onCancel: () => void;
}

export function CreateUserForm({ organisations, onCreated, onCancel }: CreateUserFormProps) {
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [organisationId, setOrganisationId] = useState("");
  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [roles, setRoles] = useState<Role[]>([]);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const activeOrganisations = organisations.filter((organisation) => organisation.isActive);
  const organisation = activeOrganisations.find((candidate) => candidate.id === organisationId);
  const allowedRoles = organisation ? ROLES_BY_ORGANISATION_TYPE[organisation.type] : [];

  const create = useMutation({
    mutationFn: api.createUser,
    onSuccess: async ({ user, temporaryPassword }) => {
      await queryClient.invalidateQueries({ queryKey: usersQueryKey });
      onCreated(user, temporaryPassword);
    },
    onError: (error) => setErrors(formErrorsFromUnknown(error)),
  });

  function handleOrganisationChange(id: string) {
    setOrganisationId(id);
    const type = activeOrganisations.find((candidate) => candidate.id === id)?.type;
    // Roles of the previous organisation's type may not exist in the new one.
    setRoles((current) => (type ? current.filter((role) => ROLES_BY_ORGANISATION_TYPE[type].includes(role)) : []));
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = CreateUserInput.safeParse({ organisationId, email, displayName, roles });
    if (!parsed.success) {
      setErrors(formErrorsFromZod(parsed.error));
      return;
    }
    setErrors(NO_ERRORS);
    create.mutate(parsed.data);
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate>
      <h2 tabIndex={-1}>Créer un compte</h2>
      <FormErrorAlert errors={errors} formRef={formRef} />
      <p className="fr-hint-text">
        Tous les champs sont obligatoires. Un mot de passe provisoire sera affiché une seule fois après la création.
      </p>
      <Select
        label="Organisation"
        {...fieldState(errors, "organisationId")}
        nativeSelectProps={{
          name: "organisationId",
          value: organisationId,
          onChange: (event) => handleOrganisationChange(event.target.value),
          "aria-invalid": isInvalid(errors, "organisationId"),
        }}
      >
        <option value="" disabled>
          Choisir une organisation
        </option>
        {activeOrganisations.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.name}
          </option>
        ))}
      </Select>
      <Input
        label="Nom et prénom"
        {...fieldState(errors, "displayName")}
        nativeInputProps={{
          name: "displayName",
          autoComplete: "off",
          value: displayName,
          onChange: (event) => setDisplayName(event.target.value),
          "aria-invalid": isInvalid(errors, "displayName"),
        }}
      />
      <Input
        label="Adresse électronique professionnelle"
        hintText="Format attendu : nom@domaine.fr"
        {...fieldState(errors, "email")}
        nativeInputProps={{
          type: "email",
          name: "email",
          autoComplete: "off",
          value: email,
          onChange: (event) => setEmail(event.target.value),
          "aria-invalid": isInvalid(errors, "email"),
        }}
      />
      {organisation ? (
        <RolesCheckboxes allowed={allowedRoles} selected={roles} error={errors.fields.roles} onChange={setRoles} />
      ) : (
        <p className={errors.fields.roles ? "fr-error-text" : "fr-hint-text"}>
          Choisissez d'abord l'organisation pour voir les rôles possibles.
        </p>
      )}
      <FormButtons submit="Créer le compte" pending={create.isPending} onCancel={onCancel} inFieldset={false} />
    </form>
  );
}

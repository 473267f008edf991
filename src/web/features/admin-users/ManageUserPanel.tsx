import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { type OrganisationView, UpdateUserInput, type UserView } from "@shared/admin.ts";
import { ROLES_BY_ORGANISATION_TYPE, type Role } from "@shared/roles.ts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { ApiProblem, api } from "../../api.ts";
import { FormErrorAlert } from "../../components/FormErrorAlert.tsx";
import {
  type FormErrors,
  fieldState,
  formErrorsFromUnknown,
  formErrorsFromZod,
  isInvalid,
  NO_ERRORS,
} from "../../components/form-errors.ts";
import type { Notice } from "../../components/notice.tsx";
import { RolesCheckboxes } from "./RolesCheckboxes.tsx";
import { usersQueryKey } from "./users-query.ts";

interface ManageUserPanelProps {
  user: UserView;
  organisation: OrganisationView | undefined;
  can: { update: boolean; resetPassword: boolean; resetTotp: boolean };
  onNotice: (notice: Notice) => void;
  onTemporaryPassword: (temporaryPassword: string) => void;
  onClose: () => void;
}

export function ManageUserPanel({
  user,
  organisation,
  can,
  onNotice,
  onTemporaryPassword,
  onClose,
}: ManageUserPanelProps) {
  return (
    <>
      <h2 tabIndex={-1}>
        {user.displayName} <span className="fr-text--md fr-text--regular">({user.email})</span>
      </h2>
      {can.update && <EditUserForm user={user} organisation={organisation} onNotice={onNotice} onClose={onClose} />}
      {(can.resetPassword || can.resetTotp) && (
        <CredentialResets user={user} can={can} onNotice={onNotice} onTemporaryPassword={onTemporaryPassword} />
      )}
      <Button className="fr-mt-3w" priority="tertiary" iconId="fr-icon-close-line" onClick={onClose}>
        Fermer
      </Button>
    </>
  );
}

interface EditUserFormProps {
  user: UserView;
  organisation: OrganisationView | undefined;
  onNotice: (notice: Notice) => void;
  onClose: () => void;
}

function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === b.length && a.every((role) => b.includes(role));
}

function EditUserForm({ user, organisation, onNotice, onClose }: EditUserFormProps) {
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [displayName, setDisplayName] = useState(user.displayName);
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [isActive, setIsActive] = useState(user.isActive);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const allowedRoles = organisation ? ROLES_BY_ORGANISATION_TYPE[organisation.type] : user.roles;

  const update = useMutation({
    mutationFn: (input: UpdateUserInput) => api.updateUser(user.id, input),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: usersQueryKey });
      onNotice({ severity: "success", text: `Le compte de ${saved.displayName} a été enregistré.` });
      onClose();
    },
    onError: async (error) => {
      if (error instanceof ApiProblem && error.code === "conflict") {
        onNotice({ severity: "warning", text: error.problem.title });
        await queryClient.invalidateQueries({ queryKey: usersQueryKey });
        return;
      }
      setErrors(formErrorsFromUnknown(error));
    },
  });

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = UpdateUserInput.safeParse({
      ...(displayName !== user.displayName ? { displayName } : {}),
      ...(sameRoles(roles, user.roles) ? {} : { roles }),
      ...(isActive !== user.isActive ? { isActive } : {}),
      version: user.version,
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
      <h3 className="fr-h5">Modifier le compte</h3>
      <FormErrorAlert errors={errors} formRef={formRef} />
      <Input
        label="Nom et prénom"
        {...fieldState(errors, "displayName")}
        nativeInputProps={{
          name: "displayName",
          value: displayName,
          onChange: (event) => setDisplayName(event.target.value),
          "aria-invalid": isInvalid(errors, "displayName"),
        }}
      />
      <RolesCheckboxes allowed={allowedRoles} selected={roles} error={errors.fields.roles} onChange={setRoles} />
      <Checkbox
        legend="État"
        hintText="Un compte désactivé ne peut plus se connecter ; ses sessions ouvertes sont fermées."
        options={[
          {
            label: "Compte actif",
            nativeInputProps: {
              name: "isActive",
              checked: isActive,
              onChange: (event) => setIsActive(event.target.checked),
            },
          },
        ]}
      />
      <Button type="submit" disabled={update.isPending}>
        Enregistrer
      </Button>
    </form>
  );
}

interface CredentialResetsProps {
  user: UserView;
  can: { resetPassword: boolean; resetTotp: boolean };
  onNotice: (notice: Notice) => void;
  onTemporaryPassword: (temporaryPassword: string) => void;
}

function CredentialResets({ user, can, onNotice, onTemporaryPassword }: CredentialResetsProps) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<"password" | "totp">();
  const onError = (error: Error) => onNotice({ severity: "error", text: error.message });

  const resetPassword = useMutation({
    mutationFn: () => api.resetUserPassword(user.id),
    onSuccess: async ({ temporaryPassword }) => {
      setConfirming(undefined);
      await queryClient.invalidateQueries({ queryKey: usersQueryKey });
      onTemporaryPassword(temporaryPassword);
    },
    onError,
  });
  const resetTotp = useMutation({
    mutationFn: () => api.resetUserTotp(user.id),
    onSuccess: async () => {
      setConfirming(undefined);
      await queryClient.invalidateQueries({ queryKey: usersQueryKey });
      onNotice({
        severity: "success",
        text: `La double authentification de ${user.displayName} est réinitialisée. Si son rôle l'exige, il ou elle la réactivera à la prochaine connexion.`,
      });
    },
    onError,
  });

  return (
    <div className="fr-mt-4w">
      <h3 className="fr-h5">Identifiants</h3>
      {confirming === "password" && (
        <ConfirmAction
          text={`Un nouveau mot de passe provisoire remplacera celui de ${user.displayName} et ses sessions seront fermées.`}
          confirmLabel="Confirmer la réinitialisation du mot de passe"
          isPending={resetPassword.isPending}
          onConfirm={() => resetPassword.mutate()}
          onCancel={() => setConfirming(undefined)}
        />
      )}
      {confirming === "totp" && (
        <ConfirmAction
          text={`La double authentification de ${user.displayName} sera supprimée (téléphone perdu, par exemple), ainsi que ses codes de secours.`}
          confirmLabel="Confirmer la réinitialisation de la double authentification"
          isPending={resetTotp.isPending}
          onConfirm={() => resetTotp.mutate()}
          onCancel={() => setConfirming(undefined)}
        />
      )}
      {confirming === undefined && (
        <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
          {can.resetPassword && (
            <li>
              <Button priority="secondary" iconId="fr-icon-lock-unlock-line" onClick={() => setConfirming("password")}>
                Réinitialiser le mot de passe
              </Button>
            </li>
          )}
          {can.resetTotp && user.hasTotp && (
            <li>
              <Button priority="secondary" iconId="fr-icon-refresh-line" onClick={() => setConfirming("totp")}>
                Réinitialiser la double authentification
              </Button>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

interface ConfirmActionProps {
  text: string;
  confirmLabel: string;
  isPending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

function ConfirmAction({ text, confirmLabel, isPending, onConfirm, onCancel }: ConfirmActionProps) {
  return (
    <div>
      <p>{text}</p>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        <li>
          <Button onClick={onConfirm} disabled={isPending}>
            {confirmLabel}
          </Button>
        </li>
        <li>
          <Button priority="secondary" onClick={onCancel}>
            Annuler
          </Button>
        </li>
      </ul>
    </div>
  );
}

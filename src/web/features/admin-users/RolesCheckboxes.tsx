import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { ROLE_LABELS, type Role } from "@shared/roles.ts";

interface RolesCheckboxesProps {
  allowed: readonly Role[];
  selected: readonly Role[];
  error?: string;
  onChange: (roles: Role[]) => void;
}

/** Only the roles the organisation's type allows are offered: a prosecutor cannot sit in a foyer. */
export function RolesCheckboxes({ allowed, selected, error, onChange }: RolesCheckboxesProps) {
  return (
    <Checkbox
      legend="Rôles"
      hintText="Au moins un rôle. Les rôles proposés dépendent du type de l'organisation."
      state={error ? "error" : "default"}
      stateRelatedMessage={error}
      options={allowed.map((role) => ({
        label: ROLE_LABELS[role],
        nativeInputProps: {
          name: "roles",
          value: role,
          checked: selected.includes(role),
          "aria-invalid": error !== undefined,
          onChange: (event) =>
            onChange(event.target.checked ? [...selected, role] : selected.filter((value) => value !== role)),
        },
      }))}
    />
  );
}

import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { AuditQuery } from "@shared/admin.ts";
import { type FormEvent, useRef, useState } from "react";
import type { AuditFilters } from "../../api.ts";
import { DepartmentOptions } from "../../components/DepartmentOptions.tsx";
import { FormErrorAlert } from "../../components/FormErrorAlert.tsx";
import { type FormErrors, fieldState, formErrorsFromZod, isInvalid, NO_ERRORS } from "../../components/form-errors.ts";
import { AUDIT_EVENT_TYPES, auditEventLabel } from "./audit-labels.ts";

interface AuditFiltersFormProps {
  actors: { id: string; displayName: string }[] | undefined;
  /** An administrator of one département may only filter on that one. */
  departmentScope: string | null;
  onApply: (filters: AuditFilters) => void;
}

const EMPTY = { action: "", actorUserId: "", targetId: "", departmentCode: "", from: "", to: "" };

export function AuditFiltersForm({ actors, departmentScope, onApply }: AuditFiltersFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const set = (field: keyof typeof EMPTY) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const filled = Object.fromEntries(Object.entries(values).filter(([, value]) => value.trim() !== ""));
    const parsed = AuditQuery.safeParse(filled);
    if (!parsed.success) {
      setErrors(formErrorsFromZod(parsed.error));
      return;
    }
    if (parsed.data.from && parsed.data.to && parsed.data.from > parsed.data.to) {
      setErrors({ fields: { to: "La date de fin doit être postérieure à la date de début." } });
      return;
    }
    setErrors(NO_ERRORS);
    const { limit: _limit, ...filters } = parsed.data;
    onApply(filters);
  }

  function handleReset() {
    setValues(EMPTY);
    setErrors(NO_ERRORS);
    onApply({});
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="fr-mb-3w">
      <FormErrorAlert errors={errors} formRef={formRef} />
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-text--bold">Filtrer le journal</legend>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-4">
          <Select label="Action" nativeSelectProps={{ name: "action", value: values.action, onChange: set("action") }}>
            <option value="">Toutes les actions</option>
            {AUDIT_EVENT_TYPES.map((action) => (
              <option key={action} value={action}>
                {auditEventLabel(action)}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-4">
          <Select
            label="Auteur"
            nativeSelectProps={{ name: "actorUserId", value: values.actorUserId, onChange: set("actorUserId") }}
          >
            <option value="">Tous les auteurs</option>
            {actors?.map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actor.displayName}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-4">
          <Select
            label="Département"
            nativeSelectProps={{
              name: "departmentCode",
              value: values.departmentCode,
              onChange: set("departmentCode"),
            }}
          >
            <option value="">Tous les départements</option>
            <DepartmentOptions only={departmentScope} />
          </Select>
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-4">
          <Input
            label="Identifiant de la cible"
            hintText="Identifiant d'un compte, d'une organisation…"
            {...fieldState(errors, "targetId")}
            nativeInputProps={{
              name: "targetId",
              value: values.targetId,
              onChange: set("targetId"),
              "aria-invalid": isInvalid(errors, "targetId"),
            }}
          />
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-4">
          <Input
            label="Du"
            hintText="Date incluse"
            {...fieldState(errors, "from")}
            nativeInputProps={{
              type: "date",
              name: "from",
              value: values.from,
              onChange: set("from"),
              "aria-invalid": isInvalid(errors, "from"),
            }}
          />
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-4">
          <Input
            label="Au"
            hintText="Date incluse"
            {...fieldState(errors, "to")}
            nativeInputProps={{
              type: "date",
              name: "to",
              value: values.to,
              onChange: set("to"),
              "aria-invalid": isInvalid(errors, "to"),
            }}
          />
        </div>
        <div className="fr-fieldset__element">
          <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left fr-btns-group--sm">
            <li>
              <Button type="submit" iconId="fr-icon-search-line">
                Filtrer
              </Button>
            </li>
            <li>
              <Button type="button" priority="secondary" onClick={handleReset}>
                Effacer les filtres
              </Button>
            </li>
          </ul>
        </div>
      </fieldset>
    </form>
  );
}

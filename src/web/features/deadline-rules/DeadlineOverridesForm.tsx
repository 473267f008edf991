import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { DEADLINE_CODES, type DeadlineCode, DeadlineOverrides } from "@shared/calendar/deadline-rules.ts";
import { departmentLabel } from "@shared/departments.ts";
import type { DeadlineOverridesView } from "@shared/pathway.ts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { pathwayApi } from "../../api.ts";
import { FormButtons } from "../../components/FormButtons.tsx";
import { FormErrorAlert } from "../../components/FormErrorAlert.tsx";
import { type FormErrors, NO_ERRORS } from "../../components/form-errors.ts";
import { fieldStateAt, invalidAt, nestedErrorsFromUnknown, nestedErrorsFromZod } from "../cases/case-form-errors.ts";
import { deadlineLength } from "../pathway/pathway-labels.tsx";
import {
  ALERT_LABELS,
  AMOUNT_LABELS,
  type AppliedRule,
  alertKeyOf,
  alertOf,
  alertText,
  catalogueRule,
  deadlineRulesQueryKey,
} from "./deadline-rule-text.ts";

/** What the inputs hold, as typed: an empty alert means no alert. */
interface RuleValues {
  amount: string;
  alert: string;
}

type Values = Record<DeadlineCode, RuleValues>;

const valuesOf = (rule: AppliedRule): RuleValues => ({
  amount: String(rule.amount),
  alert: String(alertOf(rule) ?? ""),
});

const BLANK_AMOUNT = "Indiquez le délai, en nombre entier.";

/**
 * The body the server expects: only what differs from the catalogue, since saving replaces every override. An empty
 * amount becomes NaN so the shared schema refuses it; its message is then replaced by a plainer one.
 */
function overridesOf(values: Values): Record<string, Record<string, number | null>> {
  const overrides: Record<string, Record<string, number | null>> = {};
  for (const code of DEADLINE_CODES) {
    const catalogue = catalogueRule(code);
    const { amount, alert } = values[code];
    const override: Record<string, number | null> = {};
    const amountNumber = amount.trim() === "" ? Number.NaN : Number(amount);
    if (amountNumber !== catalogue.amount) override.amount = amountNumber;
    const alertNumber = alert.trim() === "" ? null : Number(alert);
    if (alertNumber !== alertOf(catalogue)) override[alertKeyOf(catalogue.unit)] = alertNumber;
    if (Object.keys(override).length > 0) overrides[code] = override;
  }
  return overrides;
}

interface DeadlineOverridesFormProps {
  view: DeadlineOverridesView;
  onSaved: (view: DeadlineOverridesView) => void;
  onCancel: () => void;
}

/** Adjusts a département's deadlines and alerts, rule by rule; saving replaces all its overrides. */
export function DeadlineOverridesForm({ view, onSaved, onCancel }: DeadlineOverridesFormProps) {
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>(
    () => Object.fromEntries(view.rules.map((rule) => [rule.code, valuesOf(rule)])) as Values,
  );
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  const save = useMutation({
    mutationFn: (overrides: DeadlineOverrides) => pathwayApi.setDeadlineOverrides(view.departmentCode, overrides),
    onSuccess: (saved) => {
      queryClient.setQueryData(deadlineRulesQueryKey(saved.departmentCode), saved);
      onSaved(saved);
    },
    onError: (error) => setErrors(nestedErrorsFromUnknown(error)),
  });

  const change = (code: DeadlineCode, field: keyof RuleValues, value: string) =>
    setValues((current) => ({ ...current, [code]: { ...current[code], [field]: value } }));

  function resetToCatalogue(code: DeadlineCode) {
    setValues((current) => ({ ...current, [code]: valuesOf(catalogueRule(code)) }));
    // The button disappears once the values match the catalogue: keep the focus on the rule.
    document.getElementById(`${code}-amount`)?.focus();
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = DeadlineOverrides.safeParse(overridesOf(values));
    if (!parsed.success) {
      const found = nestedErrorsFromZod(parsed.error);
      for (const code of DEADLINE_CODES) {
        if (values[code].amount.trim() === "") found.fields[`${code}.amount`] = BLANK_AMOUNT;
      }
      setErrors(found);
      return;
    }
    setErrors(NO_ERRORS);
    save.mutate(parsed.data);
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate>
      <h2 tabIndex={-1}>Ajuster les échéances : {departmentLabel(view.departmentCode)}</h2>
      <ul>
        <li>
          Un délai fixé par un texte (origine « Texte ») peut seulement être abrégé ; un délai fixé par Repère peut être
          abrégé ou allongé.
        </li>
        <li>L'alerte doit tomber avant l'échéance. Laissez-la vide pour ne pas être alerté.</li>
        <li>
          Les changements s'appliquent aux échéances qui commencent après l'enregistrement, jamais à celles en cours.
        </li>
        <li>Enregistrer remplace tous les ajustements du département ; chaque enregistrement est tracé.</li>
      </ul>
      <FormErrorAlert errors={errors} formRef={formRef} />
      {view.rules.map((rule) => {
        const catalogue = catalogueRule(rule.code);
        const current = values[rule.code];
        const isCatalogue =
          current.amount === String(catalogue.amount) && current.alert === String(alertOf(catalogue) ?? "");
        const amountPath = `${rule.code}.amount`;
        const alertPath = `${rule.code}.${alertKeyOf(rule.unit)}`;
        return (
          <fieldset key={rule.code} className="fr-fieldset fr-mb-2w">
            <legend className="fr-fieldset__legend">
              {rule.label}{" "}
              <Badge as="span" small severity={rule.source === "legal" ? "info" : "new"} noIcon>
                {rule.source === "legal" ? "Texte" : "Repère"}
              </Badge>
              <span className="fr-hint-text">
                Catalogue : {deadlineLength(catalogue)}, alerte : {alertText(catalogue).toLowerCase()}.
                {rule.source === "legal" &&
                  ` Délai légal : ${catalogue.amount}${rule.unit === "before_birthday" ? " ans" : ""} au plus.`}
              </span>
            </legend>
            <div className="fr-fieldset__element fr-fieldset__element--inline">
              <Input
                label={
                  <>
                    {AMOUNT_LABELS[rule.unit]}
                    <span className="fr-sr-only">, {rule.label}</span>
                  </>
                }
                {...fieldStateAt(errors, amountPath)}
                nativeInputProps={{
                  id: `${rule.code}-amount`,
                  type: "number",
                  inputMode: "numeric",
                  min: 1,
                  step: 1,
                  name: amountPath,
                  value: current.amount,
                  onChange: (event) => change(rule.code, "amount", event.target.value),
                  "aria-invalid": invalidAt(errors, amountPath),
                }}
              />
            </div>
            <div className="fr-fieldset__element fr-fieldset__element--inline">
              <Input
                label={
                  <>
                    {ALERT_LABELS[rule.unit]}
                    <span className="fr-sr-only">, {rule.label}</span>
                  </>
                }
                hintText="Facultatif."
                {...fieldStateAt(errors, alertPath)}
                nativeInputProps={{
                  id: `${rule.code}-alert`,
                  type: "number",
                  inputMode: "numeric",
                  min: 1,
                  step: 1,
                  name: alertPath,
                  value: current.alert,
                  onChange: (event) => change(rule.code, "alert", event.target.value),
                  "aria-invalid": invalidAt(errors, alertPath),
                }}
              />
            </div>
            {!isCatalogue && (
              <div className="fr-fieldset__element">
                <Button
                  type="button"
                  size="small"
                  priority="tertiary"
                  iconId="fr-icon-arrow-go-back-line"
                  onClick={() => resetToCatalogue(rule.code)}
                >
                  Revenir au catalogue<span className="fr-sr-only">, {rule.label}</span>
                </Button>
              </div>
            )}
          </fieldset>
        );
      })}
      <FormButtons submit="Enregistrer les échéances" pending={save.isPending} onCancel={onCancel} inFieldset={false} />
    </form>
  );
}

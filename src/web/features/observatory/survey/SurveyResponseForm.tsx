import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import {
  SURVEY_FIGURE_KEYS,
  SURVEY_FIGURE_LABELS,
  SURVEY_SPLITS,
  SubmitSurveyResponseInput,
  type SurveyFigureKey,
  type SurveyResponseView,
} from "@shared/observatory.ts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { ApiProblem, observatoryApi } from "../../../api.ts";
import { DepartmentOptions } from "../../../components/DepartmentOptions.tsx";
import { FormErrorAlert } from "../../../components/FormErrorAlert.tsx";
import { type FormErrors, formErrorsFromUnknown, NO_ERRORS } from "../../../components/form-errors.ts";
import { splitErrorsOf } from "./survey-figures.ts";
import { surveyCampaignsKey } from "./survey-query.ts";

const GROUPS: { legend: string; keys: readonly SurveyFigureKey[] }[] = [
  { legend: "Total", keys: ["total"] },
  { legend: "Par sexe", keys: SURVEY_SPLITS.sex },
  { legend: "Par tranche d'âge", keys: SURVEY_SPLITS.age },
  { legend: "Par forme d'exploitation", keys: SURVEY_SPLITS.form },
];

type FigureTexts = Record<SurveyFigureKey, string>;

function textsOf(response: SurveyResponseView | undefined): FigureTexts {
  return Object.fromEntries(
    SURVEY_FIGURE_KEYS.map((key) => [key, response?.figures ? String(response.figures[key]) : ""]),
  ) as FigureTexts;
}

/** The association's aggregated, anonymous figures for one campaign: each split must add up to the total. */
export function SurveyResponseForm({ campaignId, response }: { campaignId: string; response?: SurveyResponseView }) {
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [departmentCode, setDepartmentCode] = useState(response?.departmentCode ?? "");
  const [figures, setFigures] = useState(() => textsOf(response));
  const [comment, setComment] = useState("");
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const submit = useMutation({
    mutationFn: (input: SubmitSurveyResponseInput) => observatoryApi.submitSurveyResponse(campaignId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: surveyCampaignsKey }),
    onError: (error) => {
      const next = formErrorsFromUnknown(error);
      // The server names a figure "figures.sex_female": each figure has its own field here.
      if (error instanceof ApiProblem) {
        for (const { path, message } of error.fieldErrors) {
          const [head, key] = path.split(".");
          if (head === "figures" && key) next.fields[key] ??= message;
        }
      }
      setErrors(next);
    },
  });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = SubmitSurveyResponseInput.safeParse({
      departmentCode,
      figures: Object.fromEntries(
        SURVEY_FIGURE_KEYS.map((key) => [key, figures[key].trim() === "" ? undefined : figures[key]]),
      ),
      comment: comment.trim() === "" ? undefined : comment,
    });
    if (!parsed.success) {
      const fields: FormErrors["fields"] = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] === "figures" ? String(issue.path[1]) : String(issue.path[0]);
        fields[field] ??=
          issue.path[0] === "figures" && issue.code === "invalid_type"
            ? "Indiquez un nombre (0 si aucun)."
            : issue.message;
      }
      setErrors({ title: "Le formulaire contient des erreurs.", fields });
      return;
    }
    const splitErrors = splitErrorsOf(parsed.data.figures);
    if (Object.keys(splitErrors).length > 0) {
      setErrors({ title: "Les répartitions ne correspondent pas au total déclaré.", fields: splitErrors });
      return;
    }
    setErrors(NO_ERRORS);
    submit.mutate(parsed.data);
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate>
      <FormErrorAlert errors={errors} formRef={formRef} />
      {submit.isSuccess && (
        <p role="status" className="fr-valid-text fr-mb-2w">
          Réponse transmise à l'observatoire.
        </p>
      )}
      <Select
        label="Département où l'association intervient"
        state={errors.fields.departmentCode ? "error" : "default"}
        stateRelatedMessage={errors.fields.departmentCode}
        nativeSelectProps={{
          value: departmentCode,
          onChange: (event) => setDepartmentCode(event.target.value),
          "aria-invalid": errors.fields.departmentCode !== undefined,
        }}
      >
        <option value="" disabled>
          Choisir un département
        </option>
        <DepartmentOptions />
      </Select>
      {GROUPS.map((group) => (
        <fieldset key={group.legend} className="fr-fieldset">
          <legend className="fr-fieldset__legend">{group.legend}</legend>
          {group.keys.map((key) => (
            <div key={key} className="fr-fieldset__element fr-col-12 fr-col-md-6">
              <Input
                label={SURVEY_FIGURE_LABELS[key]}
                state={errors.fields[key] ? "error" : "default"}
                stateRelatedMessage={errors.fields[key]}
                nativeInputProps={{
                  inputMode: "numeric",
                  value: figures[key],
                  onChange: (event) => setFigures((current) => ({ ...current, [key]: event.target.value })),
                  "aria-invalid": errors.fields[key] !== undefined,
                }}
              />
            </div>
          ))}
        </fieldset>
      ))}
      <Input
        label="Commentaire (facultatif)"
        hintText="Sans nom ni détail permettant de reconnaître une personne."
        textArea
        nativeTextAreaProps={{ value: comment, onChange: (event) => setComment(event.target.value), maxLength: 2000 }}
      />
      <Button type="submit" disabled={submit.isPending}>
        Transmettre la réponse
      </Button>
    </form>
  );
}

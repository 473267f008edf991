import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import {
  type AdoptPlanInput,
  AdoptPlanInput as AdoptPlanSchema,
  type PlanGoalView,
  type PlanView,
  type ReviewPlanInput,
  ReviewPlanInput as ReviewPlanSchema,
} from "@shared/pathway.ts";
import { type FormEvent, useRef, useState } from "react";
import { pathwayApi } from "../../api.ts";
import { FormButtons } from "../../components/FormButtons.tsx";
import { FormErrorAlert } from "../../components/FormErrorAlert.tsx";
import type { Notice } from "../../components/notice.tsx";
import { fieldStateAt, invalidAt, nestedErrorsFromZod } from "../cases/case-form-errors.ts";
import { formatIsoDate } from "../cases/case-labels.tsx";
import { formatLocalDate } from "./pathway-labels.tsx";
import { usePathwayChange } from "./pathway-query.ts";

interface PlanProps {
  caseId: string;
  plan: PlanView | null;
  canAdopt: boolean;
  canReview: boolean;
  today: string;
  onNotice: (notice: Notice) => void;
}

/** The protection plan: goals and their target dates, reviewed every three months. */
export function PlanSection({ caseId, plan, canAdopt, canReview, today, onNotice }: PlanProps) {
  const [editing, setEditing] = useState(false);
  const done = (notice: Notice) => {
    setEditing(false);
    onNotice(notice);
  };
  return (
    <section className="fr-mb-4w" aria-labelledby="plan-title">
      <h3 id="plan-title" className="fr-h5">
        Plan de protection
      </h3>
      {plan ? (
        <>
          <p>
            Adopté le {formatIsoDate(plan.adoptedOn)}
            {plan.nextReviewDueOn && (
              <>
                {" "}
                — prochaine révision au plus tard le <strong>{formatLocalDate(plan.nextReviewDueOn)}</strong>
              </>
            )}
          </p>
          <GoalsList goals={plan.goals} />
          {plan.reviews.length > 0 && (
            <details className="fr-mb-2w">
              <summary>Révisions ({plan.reviews.length})</summary>
              <ul>
                {plan.reviews.map((r) => (
                  <li key={`${r.reviewedOn}-${r.reviewer?.id ?? ""}`}>
                    {formatIsoDate(r.reviewedOn)}
                    {r.reviewer && ` — ${r.reviewer.displayName}`}
                    {r.notes && <p className="fr-text--sm fr-mb-0">{r.notes}</p>}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {canReview &&
            plan.status === "active" &&
            (editing ? (
              <PlanReviewForm
                caseId={caseId}
                plan={plan}
                today={today}
                onDone={done}
                onCancel={() => setEditing(false)}
              />
            ) : (
              <Button priority="secondary" onClick={() => setEditing(true)}>
                Réviser le plan
              </Button>
            ))}
        </>
      ) : (
        <>
          <p>Aucun plan adopté.</p>
          {canAdopt &&
            (editing ? (
              <AdoptPlanForm caseId={caseId} today={today} onDone={done} onCancel={() => setEditing(false)} />
            ) : (
              <Button priority="secondary" onClick={() => setEditing(true)}>
                Adopter un plan de protection
              </Button>
            ))}
        </>
      )}
    </section>
  );
}

function GoalsList({ goals }: { goals: readonly PlanGoalView[] }) {
  return (
    <ul>
      {goals.map((g) => (
        <li key={g.label}>
          {g.label}
          {g.targetOn && <> — pour le {formatIsoDate(g.targetOn)}</>}
          {g.isAchieved && <strong> (atteint)</strong>}
        </li>
      ))}
    </ul>
  );
}

interface GoalDraft {
  key: number;
  label: string;
  targetOn: string;
  isAchieved: boolean;
}

let nextGoalKey = 0;
const draftOf = (goal?: PlanGoalView): GoalDraft => ({
  key: nextGoalKey++,
  label: goal?.label ?? "",
  targetOn: goal?.targetOn ?? "",
  isAchieved: goal?.isAchieved ?? false,
});
const goalsOf = (drafts: readonly GoalDraft[]) =>
  drafts
    .filter((g) => g.label.trim())
    .map((g) => ({ label: g.label.trim(), targetOn: g.targetOn || null, isAchieved: g.isAchieved }));

/** Goal rows, added and removed freely; a row left empty is ignored. */
function GoalsFields({
  goals,
  onChange,
  errors,
  withAchieved,
}: {
  goals: GoalDraft[];
  onChange: (goals: GoalDraft[]) => void;
  errors: Parameters<typeof fieldStateAt>[0];
  withAchieved: boolean;
}) {
  const update = (key: number, patch: Partial<GoalDraft>) =>
    onChange(goals.map((g) => (g.key === key ? { ...g, ...patch } : g)));
  return (
    <>
      {goals.map((g, index) => (
        <div key={g.key} className="fr-fieldset__element fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
          <div className="fr-col-12 fr-col-md-6">
            <Input
              label={`Objectif ${index + 1}`}
              {...fieldStateAt(errors, `goals.${index}.label`)}
              nativeInputProps={{
                name: `goal-${index}`,
                value: g.label,
                maxLength: 300,
                onChange: (event) => update(g.key, { label: event.target.value }),
                "aria-invalid": invalidAt(errors, `goals.${index}.label`),
              }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-3">
            <Input
              label="Échéance (facultatif)"
              nativeInputProps={{
                type: "date",
                name: `goal-${index}-target`,
                value: g.targetOn,
                onChange: (event) => update(g.key, { targetOn: event.target.value }),
              }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-3">
            {withAchieved && (
              <Checkbox
                small
                options={[
                  {
                    label: "Atteint",
                    nativeInputProps: {
                      checked: g.isAchieved,
                      onChange: (event) => update(g.key, { isAchieved: event.target.checked }),
                    },
                  },
                ]}
              />
            )}
            {goals.length > 1 && (
              <Button
                type="button"
                priority="tertiary no outline"
                size="small"
                onClick={() => onChange(goals.filter((other) => other.key !== g.key))}
              >
                Retirer l'objectif {index + 1}
              </Button>
            )}
          </div>
        </div>
      ))}
      <div className="fr-fieldset__element">
        <Button type="button" priority="tertiary" size="small" onClick={() => onChange([...goals, draftOf()])}>
          Ajouter un objectif
        </Button>
      </div>
    </>
  );
}

function AdoptPlanForm({
  caseId,
  today,
  onDone,
  onCancel,
}: {
  caseId: string;
  today: string;
  onDone: (notice: Notice) => void;
  onCancel: () => void;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const [adoptedOn, setAdoptedOn] = useState(today);
  const [goals, setGoals] = useState<GoalDraft[]>(() => [draftOf()]);
  const { mutation, errors, setErrors } = usePathwayChange(
    (input: AdoptPlanInput) => pathwayApi.adoptPlan(caseId, input),
    () => onDone({ severity: "success", text: "Le plan de protection a été adopté." }),
  );
  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = AdoptPlanSchema.safeParse({ adoptedOn, goals: goalsOf(goals) });
    if (!parsed.success) {
      setErrors(nestedErrorsFromZod(parsed.error));
      return;
    }
    mutation.mutate(parsed.data);
  }
  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="fr-p-3w fr-background-alt--grey">
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">Adopter le plan de protection</legend>
        <div className="fr-fieldset__element">
          <FormErrorAlert errors={errors} formRef={formRef} />
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-4">
          <Input
            label="Date d'adoption"
            {...fieldStateAt(errors, "adoptedOn")}
            nativeInputProps={{
              type: "date",
              name: "adoptedOn",
              value: adoptedOn,
              onChange: (event) => setAdoptedOn(event.target.value),
              "aria-invalid": invalidAt(errors, "adoptedOn"),
            }}
          />
        </div>
        <GoalsFields goals={goals} onChange={setGoals} errors={errors} withAchieved={false} />
        <FormButtons submit="Adopter le plan" pending={mutation.isPending} onCancel={onCancel} />
      </fieldset>
    </form>
  );
}

function PlanReviewForm({
  caseId,
  plan,
  today,
  onDone,
  onCancel,
}: {
  caseId: string;
  plan: PlanView;
  today: string;
  onDone: (notice: Notice) => void;
  onCancel: () => void;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const [reviewedOn, setReviewedOn] = useState(today);
  const [notes, setNotes] = useState("");
  const [goals, setGoals] = useState<GoalDraft[]>(() => plan.goals.map(draftOf));
  const { mutation, errors, setErrors } = usePathwayChange(
    (input: ReviewPlanInput) => pathwayApi.reviewPlan(caseId, input),
    () => onDone({ severity: "success", text: "La révision du plan a été enregistrée." }),
  );
  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = ReviewPlanSchema.safeParse({
      version: plan.version,
      reviewedOn,
      goals: goalsOf(goals),
      notes: notes.trim() || undefined,
    });
    if (!parsed.success) {
      setErrors(nestedErrorsFromZod(parsed.error));
      return;
    }
    mutation.mutate(parsed.data);
  }
  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="fr-p-3w fr-background-alt--grey">
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">Réviser le plan de protection</legend>
        <div className="fr-fieldset__element">
          <FormErrorAlert errors={errors} formRef={formRef} />
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-4">
          <Input
            label="Date de la révision"
            {...fieldStateAt(errors, "reviewedOn")}
            nativeInputProps={{
              type: "date",
              name: "reviewedOn",
              value: reviewedOn,
              onChange: (event) => setReviewedOn(event.target.value),
              "aria-invalid": invalidAt(errors, "reviewedOn"),
            }}
          />
        </div>
        <GoalsFields goals={goals} onChange={setGoals} errors={errors} withAchieved />
        <div className="fr-fieldset__element">
          <Input
            textArea
            label="Observations (facultatif)"
            {...fieldStateAt(errors, "notes")}
            nativeTextAreaProps={{
              name: "notes",
              value: notes,
              rows: 3,
              maxLength: 5000,
              onChange: (event) => setNotes(event.target.value),
            }}
          />
        </div>
        <FormButtons submit="Enregistrer la révision" pending={mutation.isPending} onCancel={onCancel} />
      </fieldset>
    </form>
  );
}

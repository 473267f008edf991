import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { CallOut } from "@codegouvfr/react-dsfr/CallOut";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { computeLegalActions } from "@shared/qualification/legal-actions.ts";
import type { GridDefinition } from "@shared/screening/grid-definition.ts";
import { CURRENT_GRID } from "@shared/screening/grid-registry.ts";
import { type ScreeningResult, scoreScreening } from "@shared/screening/score-screening.ts";
import { SCREENING_MODE_LABELS, SCREENING_MODES, type ScreeningMode } from "@shared/screening/screening-levels.ts";
import type { ScreeningOverride, ScreeningSubmission } from "@shared/screening/screening-submission.ts";
import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { FormErrorAlert } from "../../components/FormErrorAlert.tsx";
import { type FormErrors, fieldState, isInvalid, NO_ERRORS } from "../../components/form-errors.ts";
import { PATHS } from "../../paths.ts";
import { LegalActionsList } from "../qualification/LegalActionsList.tsx";
import { ScreeningItemField } from "./ScreeningItemField.tsx";
import { ScreeningOverrideForm } from "./ScreeningOverrideForm.tsx";
import { FAMILY_LABELS, ScreeningResultView } from "./ScreeningResultView.tsx";
import { type AnswerDraft, emptyScreeningForm, parseScreeningForm, type ScreeningFormState } from "./screening-form.ts";

interface ScreeningGridProps {
  grid?: GridDefinition;
  /** Present once the grid is filled in on a case: receives the validated submission and the result it gives. */
  onSave?: (submission: ScreeningSubmission, result: ScreeningResult) => void;
  initial?: ScreeningFormState;
}

const MODE_HINTS: Record<ScreeningMode, string> = {
  brief:
    "Repérage rapide : les items essentiels, pour un premier contact, une écoute téléphonique ou la police. S'il est positif, un repérage complet est requis sous 7 jours.",
  full: "Tous les domaines, pour les professionnels qui suivent la personne.",
};

function qualificationLink(submission: ScreeningSubmission): string {
  const search = new URLSearchParams();
  if (submission.ageAtScreening !== null) search.set("age", String(submission.ageAtScreening));
  if (submission.ageUncertain) search.set("ageIncertain", "1");
  const text = search.toString();
  return text ? `${PATHS.qualification}?${text}` : PATHS.qualification;
}

/** The GRR grid, scored in the browser with the shared rules: nothing leaves the page unless `onSave` sends it. */
export function ScreeningGrid({ grid = CURRENT_GRID, onSave, initial }: ScreeningGridProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const resultHeadingRef = useRef<HTMLHeadingElement>(null);
  const [state, setState] = useState<ScreeningFormState>(() => initial ?? emptyScreeningForm());
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [scored, setScored] = useState<ScreeningSubmission>();
  const [override, setOverride] = useState<ScreeningOverride>();

  const submission = useMemo(
    () => (scored ? { ...scored, ...(override ? { override } : {}) } : undefined),
    [scored, override],
  );
  const result = useMemo(() => (submission ? scoreScreening(submission) : undefined), [submission]);

  useEffect(() => {
    if (scored) resultHeadingRef.current?.focus();
  }, [scored]);

  // A result computed from other answers would be read as this grid's: any change withdraws it and its override.
  const change = useCallback((next: (previous: ScreeningFormState) => ScreeningFormState) => {
    setState(next);
    setScored(undefined);
    setOverride(undefined);
  }, []);
  const update = (patch: Partial<ScreeningFormState>) => change((previous) => ({ ...previous, ...patch }));
  // Stable, so the fifty memoised items do not all re-render when one of them changes.
  const updateAnswer = useCallback(
    (itemId: string, draft: AnswerDraft) =>
      change((previous) => ({ ...previous, answers: { ...previous.answers, [itemId]: draft } })),
    [change],
  );

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseScreeningForm(grid, state);
    if (!parsed.success) {
      setErrors(parsed.errors);
      return;
    }
    setErrors(NO_ERRORS);
    setScored(parsed.submission);
  }

  const domainsInScope = grid.domains
    .map((domain) => ({ domain, items: domain.items.filter((item) => state.mode === "full" || item.inBrief) }))
    .filter(({ items }) => items.length > 0);
  const skippedDomains = grid.domains.filter((domain) => !domainsInScope.some((entry) => entry.domain === domain));

  return (
    <>
      <form ref={formRef} onSubmit={handleSubmit} noValidate aria-label={`Grille ${grid.label}`}>
        <FormErrorAlert errors={errors} formRef={formRef} />

        <h2>La personne et le repérage</h2>
        <RadioButtons
          legend="Mode de repérage"
          name="mode"
          options={SCREENING_MODES.map((mode) => ({
            label: SCREENING_MODE_LABELS[mode],
            hintText: MODE_HINTS[mode],
            nativeInputProps: {
              value: mode,
              checked: state.mode === mode,
              onChange: () => update({ mode }),
            },
          }))}
        />
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <Input
              label="Âge de la personne (en années)"
              hintText="Laissez vide si l'âge est inconnu."
              {...fieldState(errors, "ageAtScreening")}
              nativeInputProps={{
                name: "ageAtScreening",
                inputMode: "numeric",
                autoComplete: "off",
                value: state.ageText,
                onChange: (event) => update({ ageText: event.target.value }),
                "aria-invalid": isInvalid(errors, "ageAtScreening"),
              }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Input
              label="Date du repérage"
              {...fieldState(errors, "screenedOn")}
              nativeInputProps={{
                name: "screenedOn",
                type: "date",
                value: state.screenedOn,
                onChange: (event) => update({ screenedOn: event.target.value }),
                "aria-invalid": isInvalid(errors, "screenedOn"),
              }}
            />
          </div>
        </div>
        <Checkbox
          {...fieldState(errors, "ageUncertain")}
          options={[
            {
              label: "L'âge est incertain (présomption de minorité)",
              hintText:
                "Il existe des raisons de penser que la personne peut être mineure : elle est traitée comme mineure jusqu'à ce que son âge soit établi.",
              nativeInputProps: {
                name: "ageUncertain",
                checked: state.ageUncertain,
                onChange: (event) => update({ ageUncertain: event.target.checked }),
                "aria-invalid": isInvalid(errors, "ageUncertain") || undefined,
              },
            },
          ]}
        />

        <h2>Signaux d'alerte</h2>
        <Checkbox
          legend="Cochez chaque signal constaté ou rapporté"
          hintText="Un seul signal suffit : la préoccupation est avérée et une action est due le jour même."
          {...fieldState(errors, "redFlags")}
          options={grid.redFlags.map((redFlag) => ({
            label: `${redFlag.id}. ${redFlag.label}`,
            hintText: redFlag.guide,
            nativeInputProps: {
              name: "redFlags",
              value: redFlag.id,
              checked: state.redFlags.includes(redFlag.id),
              onChange: (event) =>
                update({
                  redFlags: event.target.checked
                    ? [...state.redFlags, redFlag.id]
                    : state.redFlags.filter((id) => id !== redFlag.id),
                }),
            },
          }))}
        />

        <h2>Indicateurs</h2>
        <CallOut title="Comment coter" titleAs="h3">
          0 — Non observé : aucun signe connu. 1 — Possible : soupçonné, indirect, source unique non vérifiée, ou signe
          seulement passé (plus de 12 mois). 2 — Avéré : observé par un professionnel, documenté, révélé par la personne
          ou confirmé par une seconde source. « Inconnu » signale une information manquante ; un item sans réponse
          compte aussi comme inconnu. Pour un item coté 1 ou 2, indiquez la source et la date.
        </CallOut>
        {skippedDomains.length > 0 && (
          <p className="fr-text--sm">
            Domaines sans item en repérage rapide, non évalués :{" "}
            {skippedDomains.map((domain) => `${domain.code}. ${domain.label}`).join(" ; ")}.
          </p>
        )}
        {domainsInScope.map(({ domain, items }) => (
          <section key={domain.code} aria-labelledby={`domaine-${domain.code}`} className="fr-mb-4w">
            <h3 id={`domaine-${domain.code}`}>
              {domain.code}. {domain.label}{" "}
              <Badge as="span" small noIcon severity={domain.family === "exploitation" ? "new" : undefined}>
                {FAMILY_LABELS[domain.family]}
              </Badge>
            </h3>
            <p className="fr-text--sm">{domain.guide}</p>
            {items.map((item) => (
              <ScreeningItemField
                key={item.id}
                item={item}
                draft={state.answers[item.id]}
                errors={errors}
                onChange={updateAnswer}
              />
            ))}
          </section>
        ))}

        <Button type="submit">Calculer le niveau de préoccupation</Button>
      </form>

      {submission && result && (
        <>
          <ScreeningResultView ref={resultHeadingRef} result={result} />
          <ScreeningOverrideForm computedLevel={result.computedLevel} override={override} onChange={setOverride} />
          <LegalActionsList
            actions={computeLegalActions({ screening: result })}
            headingLevel="h2"
            emptyText="Aucune action particulière n'est requise à ce stade : poursuivre l'accompagnement habituel et refaire le repérage si un élément nouveau survient (retour de fugue, révélation, information d'un partenaire)."
          />
          <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-4w">
            <li>
              <Button priority="secondary" linkProps={{ to: qualificationLink(submission) }}>
                Qualifier les faits
              </Button>
            </li>
            {onSave && (
              <li>
                <Button type="button" onClick={() => onSave(submission, result)}>
                  Enregistrer sur le dossier
                </Button>
              </li>
            )}
          </ul>
        </>
      )}
    </>
  );
}

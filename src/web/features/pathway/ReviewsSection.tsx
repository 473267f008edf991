import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import {
  type CreateReviewInput,
  CreateReviewInput as CreateReviewSchema,
  type PathwayView,
  REVIEW_MIN_QUORUM,
  REVIEW_OUTCOME_LABELS,
  type ReviewCandidateView,
} from "@shared/pathway.ts";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import { pathwayApi } from "../../api.ts";
import { FormButtons } from "../../components/FormButtons.tsx";
import { FormErrorAlert } from "../../components/FormErrorAlert.tsx";
import { LoadingMessage } from "../../components/LoadingMessage.tsx";
import { fieldStateAt, invalidAt, nestedErrorsFromZod } from "../cases/case-form-errors.ts";
import { formatInZone } from "./pathway-labels.tsx";
import { reviewPath } from "./pathway-paths.ts";
import { reviewCandidatesQueryKey, usePathwayChange } from "./pathway-query.ts";
import { fromZonedInput } from "./zoned-input.ts";

const STATUS_LABELS = { scheduled: "Prévu", decided: "Conclu", cancelled: "Annulé" } as const;

/** The case's multi-agency presumed-victim reviews, and the form to plan one. */
export function ReviewsSection({ pathway, canCreate }: { pathway: PathwayView; canCreate: boolean }) {
  const [planning, setPlanning] = useState(false);
  return (
    <section className="fr-mb-4w" aria-labelledby="reviews-title">
      <h3 id="reviews-title" className="fr-h5">
        Examens pluridisciplinaires
      </h3>
      <p className="fr-text--sm">
        Un panel d'au moins deux organisations, présidé par une autre personne que le ou la référente, décide du statut
        de victime présumée et motive sa décision. Le professionnel qui a porté la préoccupation est informé de l'issue.
      </p>
      {pathway.reviews.length === 0 ? (
        <p>Aucun examen organisé.</p>
      ) : (
        <ul>
          {pathway.reviews.map((r) => (
            <li key={r.id}>
              <Link to={reviewPath(r.id)}>Examen du {formatInZone(r.scheduledFor, pathway.timeZone)}</Link> —{" "}
              {STATUS_LABELS[r.status]}
              {r.outcome && ` : ${REVIEW_OUTCOME_LABELS[r.outcome]}`}
            </li>
          ))}
        </ul>
      )}
      {canCreate &&
        (planning ? (
          <CreateReviewForm pathway={pathway} onCancel={() => setPlanning(false)} />
        ) : (
          <Button priority="secondary" onClick={() => setPlanning(true)}>
            Organiser un examen pluridisciplinaire
          </Button>
        ))}
    </section>
  );
}

function candidateLabel(c: ReviewCandidateView): string {
  return `${c.user.displayName} — ${c.organisation.name}`;
}

function CreateReviewForm({ pathway, onCancel }: { pathway: PathwayView; onCancel: () => void }) {
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const candidates = useQuery({
    queryKey: reviewCandidatesQueryKey(pathway.caseId),
    queryFn: () => pathwayApi.listReviewCandidates(pathway.caseId),
  });
  const [scheduledFor, setScheduledFor] = useState("");
  const [chairUserId, setChairUserId] = useState("");
  const [memberUserIds, setMemberUserIds] = useState<string[]>([]);
  const [quorum, setQuorum] = useState(String(REVIEW_MIN_QUORUM));
  const { mutation, errors, setErrors } = usePathwayChange(
    (input: CreateReviewInput) => pathwayApi.createReview(pathway.caseId, input),
    (review) => navigate(reviewPath(review.id)),
  );

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = CreateReviewSchema.safeParse({
      scheduledFor: fromZonedInput(scheduledFor, pathway.timeZone) ?? scheduledFor,
      chairUserId,
      memberUserIds: memberUserIds.filter((id) => id !== chairUserId),
      quorum: Number(quorum),
    });
    if (!parsed.success) {
      setErrors(nestedErrorsFromZod(parsed.error));
      return;
    }
    mutation.mutate(parsed.data);
  }

  if (candidates.isPending) return <LoadingMessage text="Chargement des professionnels…" />;
  const list = candidates.data ?? [];
  const toggle = (id: string, checked: boolean) =>
    setMemberUserIds((ids) => (checked ? [...ids, id] : ids.filter((other) => other !== id)));

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="fr-p-3w fr-background-alt--grey">
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">Organiser un examen pluridisciplinaire</legend>
        <div className="fr-fieldset__element">
          <FormErrorAlert errors={errors} formRef={formRef} />
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-6">
          <Input
            label="Date et heure de la réunion"
            hintText={`Heure locale du département (${pathway.timeZone})`}
            {...fieldStateAt(errors, "scheduledFor")}
            nativeInputProps={{
              type: "datetime-local",
              name: "scheduledFor",
              value: scheduledFor,
              onChange: (event) => setScheduledFor(event.target.value),
              "aria-invalid": invalidAt(errors, "scheduledFor"),
            }}
          />
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-6">
          <Select
            label="Présidence"
            hint="Pas le ou la référente du dossier."
            {...fieldStateAt(errors, "chairUserId")}
            nativeSelectProps={{
              name: "chairUserId",
              value: chairUserId,
              onChange: (event) => setChairUserId(event.target.value),
              "aria-invalid": invalidAt(errors, "chairUserId"),
            }}
          >
            <option value="" disabled>
              Choisir
            </option>
            {list
              .filter((c) => c.mayChair)
              .map((c) => (
                <option key={c.user.id} value={c.user.id}>
                  {candidateLabel(c)}
                </option>
              ))}
          </Select>
        </div>
        <div className="fr-fieldset__element">
          <Checkbox
            legend="Autres membres du panel"
            hintText="Au moins une autre organisation que celle de la présidence."
            {...fieldStateAt(errors, "memberUserIds")}
            options={list
              .filter((c) => c.user.id !== chairUserId)
              .map((c) => ({
                label: candidateLabel(c),
                nativeInputProps: {
                  name: "memberUserIds",
                  value: c.user.id,
                  checked: memberUserIds.includes(c.user.id),
                  onChange: (event) => toggle(c.user.id, event.target.checked),
                },
              }))}
          />
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-4">
          <Input
            label="Quorum"
            hintText="Membres présents et sans conflit d'intérêts nécessaires pour décider."
            {...fieldStateAt(errors, "quorum")}
            nativeInputProps={{
              type: "number",
              name: "quorum",
              min: REVIEW_MIN_QUORUM,
              value: quorum,
              onChange: (event) => setQuorum(event.target.value),
              "aria-invalid": invalidAt(errors, "quorum"),
            }}
          />
        </div>
        <FormButtons submit="Organiser l'examen" pending={mutation.isPending} onCancel={onCancel} />
      </fieldset>
    </form>
  );
}

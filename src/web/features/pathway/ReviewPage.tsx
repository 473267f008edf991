import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import {
  type DecideReviewInput,
  DecideReviewInput as DecideReviewSchema,
  type DeclareConflictInput,
  REVIEW_OUTCOME_LABELS,
  REVIEW_OUTCOMES,
  type ReviewMemberView,
  type ReviewView,
} from "@shared/pathway.ts";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { pathwayApi } from "../../api.ts";
import { FormErrorAlert } from "../../components/FormErrorAlert.tsx";
import { formatDateTimeLong } from "../../components/format-date.ts";
import { LoadingMessage } from "../../components/LoadingMessage.tsx";
import { type Notice, NoticeAlert } from "../../components/notice.tsx";
import { TableFrame } from "../../components/TableFrame.tsx";
import { PATHS } from "../../paths.ts";
import { useActiveSession } from "../../session.ts";
import { fieldStateAt, invalidAt, nestedErrorsFromZod } from "../cases/case-form-errors.ts";
import { casePathwayPath } from "../cases/case-paths.ts";
import { reviewQueryKey, usePathwayChange } from "./pathway-query.ts";

const STATUS_LABELS = { scheduled: "Prévu", decided: "Conclu", cancelled: "Annulé" } as const;

function yesNo(value: boolean | null, unknown: string): string {
  if (value === null) return unknown;
  return value ? "Oui" : "Non";
}

/** A multi-agency presumed-victim review: the panel, each member's declaration, and the chair's minuted decision. */
export default function ReviewPage() {
  const { id = "" } = useParams();
  const session = useActiveSession();
  const [notice, setNotice] = useState<Notice>();
  const review = useQuery({ queryKey: reviewQueryKey(id), queryFn: () => pathwayApi.getReview(id) });

  if (review.isPending) return <LoadingMessage />;
  const view = review.data;
  const breadcrumb = (label: string) => (
    <Breadcrumb
      currentPageLabel={label}
      homeLinkProps={{ to: PATHS.home }}
      segments={[{ label: "À traiter", linkProps: { to: PATHS.inbox } }]}
    />
  );
  if (!view) {
    return (
      <>
        <title>Examen introuvable — Repère</title>
        {breadcrumb("Examen pluridisciplinaire")}
        <h1>Examen introuvable</h1>
        <Alert
          severity="error"
          small
          role="alert"
          description={review.error?.message ?? "Cet examen n'existe pas ou ne vous est pas accessible."}
        />
      </>
    );
  }

  const me = view.members.find((m) => m.user.id === session.user.id);
  const isScheduled = view.status === "scheduled";
  return (
    <>
      <title>{`Examen pluridisciplinaire, dossier ${view.caseNumber} — Repère`}</title>
      {breadcrumb(`Examen du dossier ${view.caseNumber}`)}
      <h1>Examen pluridisciplinaire</h1>
      <NoticeAlert notice={notice} onClose={() => setNotice(undefined)} />
      <dl className="fr-mb-3w">
        <dt className="fr-text--bold">Dossier</dt>
        <dd>
          <Link to={casePathwayPath(view.caseId)}>{view.caseNumber}</Link>
        </dd>
        <dt className="fr-text--bold">Réunion</dt>
        <dd>{formatDateTimeLong(view.scheduledFor)}</dd>
        <dt className="fr-text--bold">État</dt>
        <dd>
          {STATUS_LABELS[view.status]}
          {view.outcome && ` : ${REVIEW_OUTCOME_LABELS[view.outcome]}`}
          {view.decidedAt && ` (le ${formatDateTimeLong(view.decidedAt)})`}
        </dd>
        <dt className="fr-text--bold">Quorum</dt>
        <dd>{view.quorum} membres présents sans conflit d'intérêts</dd>
        {view.referringUser && (
          <>
            <dt className="fr-text--bold">Préoccupation portée par</dt>
            <dd>{view.referringUser.displayName} (informé·e de l'issue)</dd>
          </>
        )}
      </dl>
      <MembersTable members={view.members} />
      {view.reasons && (
        <section className="fr-mb-3w" aria-labelledby="reasons-title">
          <h2 id="reasons-title" className="fr-h5">
            Motifs de la décision
          </h2>
          <p style={{ whiteSpace: "pre-wrap" }}>{view.reasons}</p>
        </section>
      )}
      {view.minutes && (
        <section className="fr-mb-3w" aria-labelledby="minutes-title">
          <h2 id="minutes-title" className="fr-h5">
            Compte rendu
          </h2>
          <p style={{ whiteSpace: "pre-wrap" }}>{view.minutes}</p>
        </section>
      )}
      {isScheduled && me && view.can.includes("pathway.declare_conflict") && (
        <ConflictForm review={view} member={me} onNotice={setNotice} />
      )}
      {isScheduled && view.can.includes("pathway.decide_review") && <DecisionForm review={view} onNotice={setNotice} />}
    </>
  );
}

function MembersTable({ members }: { members: readonly ReviewMemberView[] }) {
  return (
    <TableFrame>
      <table>
        <caption>Membres du panel</caption>
        <thead>
          <tr>
            <th scope="col">Membre</th>
            <th scope="col">Organisation</th>
            <th scope="col">Conflit d'intérêts déclaré</th>
            <th scope="col">Présent·e</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.user.id}>
              <th scope="row" className="fr-text--regular">
                {m.user.displayName}
                {m.isChair && <strong> (présidence)</strong>}
              </th>
              <td>{m.organisation.name}</td>
              <td>{yesNo(m.hasConflict, "Pas encore déclaré")}</td>
              <td>{yesNo(m.isPresent, "—")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}

function ConflictForm({
  review,
  member,
  onNotice,
}: {
  review: ReviewView;
  member: ReviewMemberView;
  onNotice: (notice: Notice) => void;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const [answer, setAnswer] = useState(member.hasConflict === null ? "" : member.hasConflict ? "yes" : "no");
  const [note, setNote] = useState("");
  const { mutation, errors, setErrors } = usePathwayChange(
    (input: DeclareConflictInput) => pathwayApi.declareConflict(review.id, input),
    () => onNotice({ severity: "success", text: "Votre déclaration a été enregistrée." }),
  );
  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!answer) {
      setErrors({
        title: "Indiquez si vous avez un conflit d'intérêts.",
        fields: { hasConflict: "Choisissez une réponse." },
      });
      return;
    }
    mutation.mutate({ hasConflict: answer === "yes", note: note.trim() || undefined });
  }
  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="fr-mb-4w">
      <h2 className="fr-h5">Votre déclaration de conflit d'intérêts</h2>
      <FormErrorAlert errors={errors} formRef={formRef} />
      <RadioButtons
        legend="Avez-vous un lien avec le ou la jeune, sa famille ou les personnes mises en cause ?"
        {...fieldStateAt(errors, "hasConflict")}
        options={[
          {
            label: "Non, aucun conflit d'intérêts",
            nativeInputProps: { value: "no", checked: answer === "no", onChange: () => setAnswer("no") },
          },
          {
            label: "Oui, j'ai un conflit d'intérêts (je ne compterai pas dans le quorum)",
            nativeInputProps: { value: "yes", checked: answer === "yes", onChange: () => setAnswer("yes") },
          },
        ]}
      />
      {answer === "yes" && (
        <Input
          textArea
          label="Précision (facultatif)"
          {...fieldStateAt(errors, "note")}
          nativeTextAreaProps={{
            value: note,
            rows: 2,
            maxLength: 1000,
            onChange: (event) => setNote(event.target.value),
          }}
        />
      )}
      <Button type="submit" priority="secondary" disabled={mutation.isPending}>
        Enregistrer ma déclaration
      </Button>
    </form>
  );
}

function DecisionForm({ review, onNotice }: { review: ReviewView; onNotice: (notice: Notice) => void }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [outcome, setOutcome] = useState("");
  const [present, setPresent] = useState<string[]>(() => review.members.map((m) => m.user.id));
  const [reasons, setReasons] = useState("");
  const [minutes, setMinutes] = useState("");
  const { mutation, errors, setErrors } = usePathwayChange(
    (input: DecideReviewInput) => pathwayApi.decideReview(review.id, input),
    () =>
      onNotice({ severity: "success", text: "La décision a été enregistrée et notifiée au professionnel référent." }),
  );
  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = DecideReviewSchema.safeParse({ outcome, presentUserIds: present, reasons, minutes });
    if (!parsed.success) {
      setErrors(nestedErrorsFromZod(parsed.error));
      return;
    }
    mutation.mutate(parsed.data);
  }
  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="fr-mb-4w fr-p-3w fr-background-alt--grey">
      <h2 className="fr-h5">Décision du panel</h2>
      <p className="fr-text--sm">
        En tant que présidence, vous enregistrez la décision motivée. Le quorum compte les membres présents qui ont
        déclaré n'avoir aucun conflit d'intérêts.
      </p>
      <FormErrorAlert errors={errors} formRef={formRef} />
      <Checkbox
        legend="Membres présents"
        {...fieldStateAt(errors, "presentUserIds")}
        options={review.members.map((m) => ({
          label: `${m.user.displayName} — ${m.organisation.name}`,
          nativeInputProps: {
            checked: present.includes(m.user.id),
            onChange: (event) =>
              setPresent((ids) => (event.target.checked ? [...ids, m.user.id] : ids.filter((x) => x !== m.user.id))),
          },
        }))}
      />
      <RadioButtons
        legend="Décision"
        {...fieldStateAt(errors, "outcome")}
        options={REVIEW_OUTCOMES.map((o) => ({
          label: REVIEW_OUTCOME_LABELS[o],
          nativeInputProps: {
            name: "outcome",
            value: o,
            checked: outcome === o,
            onChange: () => setOutcome(o),
            "aria-invalid": invalidAt(errors, "outcome"),
          },
        }))}
      />
      <Input
        textArea
        label="Motifs"
        hintText="Les indicateurs retenus et les raisons de la décision ; transmis aux professionnels du dossier."
        {...fieldStateAt(errors, "reasons")}
        nativeTextAreaProps={{
          name: "reasons",
          value: reasons,
          rows: 4,
          maxLength: 5000,
          onChange: (event) => setReasons(event.target.value),
          "aria-invalid": invalidAt(errors, "reasons"),
        }}
      />
      <Input
        textArea
        label="Compte rendu de la réunion"
        {...fieldStateAt(errors, "minutes")}
        nativeTextAreaProps={{
          name: "minutes",
          value: minutes,
          rows: 6,
          maxLength: 20000,
          onChange: (event) => setMinutes(event.target.value),
          "aria-invalid": invalidAt(errors, "minutes"),
        }}
      />
      <Button type="submit" disabled={mutation.isPending}>
        Enregistrer la décision
      </Button>
    </form>
  );
}

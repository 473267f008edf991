import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import {
  MEASURE_KIND_LABELS,
  MEASURE_STATUS_LABELS,
  STATE_LABELS,
  TRACK_LABELS,
  type TransferView,
} from "@shared/pathway.ts";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { pathwayApi } from "../../api.ts";
import { FormErrorAlert } from "../../components/FormErrorAlert.tsx";
import { formatDateTimeLong } from "../../components/format-date.ts";
import { LoadingMessage } from "../../components/LoadingMessage.tsx";
import { type Notice, NoticeAlert } from "../../components/notice.tsx";
import { PATHS } from "../../paths.ts";
import { fieldStateAt } from "../cases/case-form-errors.ts";
import { casePathwayPath } from "../cases/case-paths.ts";
import { formatLocalDate } from "./pathway-labels.tsx";
import { transferQueryKey, usePathwayChange } from "./pathway-query.ts";
import { TRANSFER_STATUS_LABELS } from "./TransfersSection.tsx";

/**
 * A hand-over between départements, as the receiving team reads it before accepting: summary, open measures and
 * deadlines, where each track stands, and whom to call.
 */
export default function TransferPage() {
  const { id = "" } = useParams();
  const [notice, setNotice] = useState<Notice>();
  const transfer = useQuery({ queryKey: transferQueryKey(id), queryFn: () => pathwayApi.getTransfer(id) });
  if (transfer.isPending) return <LoadingMessage />;
  const view = transfer.data;
  const breadcrumb = (
    <Breadcrumb
      currentPageLabel="Transfert"
      homeLinkProps={{ to: PATHS.home }}
      segments={[{ label: "À traiter", linkProps: { to: PATHS.inbox } }]}
    />
  );
  if (!view) {
    return (
      <>
        <title>Transfert introuvable — Repère</title>
        {breadcrumb}
        <h1>Transfert introuvable</h1>
        <Alert
          severity="error"
          small
          role="alert"
          description={transfer.error?.message ?? "Ce transfert n'existe pas ou ne vous est pas accessible."}
        />
      </>
    );
  }
  const { handover } = view;
  const isPending = view.status === "requested";
  return (
    <>
      <title>{`Transfert du dossier ${view.caseNumber} — Repère`}</title>
      {breadcrumb}
      <h1>Transfert du dossier {view.caseNumber}</h1>
      <NoticeAlert notice={notice} onClose={() => setNotice(undefined)} />
      <p>
        De <strong>{view.fromOrganisation.name}</strong> vers <strong>{view.toOrganisation.name}</strong>, demandé le{" "}
        {formatDateTimeLong(view.requestedAt)} — {TRANSFER_STATUS_LABELS[view.status]}
        {view.decidedAt && ` le ${formatDateTimeLong(view.decidedAt)}`}.
      </p>
      {view.declineReason && <p>Motif du refus : {view.declineReason}</p>}
      {isPending && view.acceptanceDeadline && (
        <Alert
          severity={view.acceptanceDeadline.urgency === "overdue" ? "error" : "info"}
          small
          className="fr-mb-3w"
          description={`Réponse attendue au plus tard le ${formatLocalDate(view.acceptanceDeadline.dueLocalDate)} (${view.acceptanceDeadline.amount} jours ouvrés). L'organisation d'origine garde l'accès au dossier jusqu'à l'acceptation.`}
        />
      )}
      <p>
        <Link to={casePathwayPath(view.caseId)}>Ouvrir le dossier</Link>
      </p>
      <h2 className="fr-h5">Synthèse</h2>
      <p style={{ whiteSpace: "pre-wrap" }}>{handover.summary}</p>
      <h2 className="fr-h5">Où en est le parcours</h2>
      <ul>
        {handover.tracks.map((t) => (
          <li key={t.track}>
            {TRACK_LABELS[t.track]} : {STATE_LABELS[t.state]}
          </li>
        ))}
      </ul>
      <h2 className="fr-h5">Mesures en cours</h2>
      {handover.openMeasures.length === 0 ? (
        <p>Aucune.</p>
      ) : (
        <ul>
          {handover.openMeasures.map((m) => (
            <li key={`${m.kind}-${m.status}-${m.startOn ?? ""}-${m.endOn ?? ""}`}>
              {MEASURE_KIND_LABELS[m.kind]} — {MEASURE_STATUS_LABELS[m.status]}
            </li>
          ))}
        </ul>
      )}
      <h2 className="fr-h5">Échéances ouvertes</h2>
      {handover.openDeadlines.length === 0 ? (
        <p>Aucune.</p>
      ) : (
        <ul>
          {handover.openDeadlines.map((d) => (
            <li key={d.code}>
              {d.label} : au plus tard le {formatLocalDate(d.dueLocalDate)}
            </li>
          ))}
        </ul>
      )}
      <h2 className="fr-h5">Contacts</h2>
      {handover.contacts.length === 0 ? (
        <p>Aucun contact indiqué.</p>
      ) : (
        <ul>
          {handover.contacts.map((c) => (
            <li key={`${c.name}-${c.role}`}>
              {c.name}, {c.role}
              {c.phone && ` — ${c.phone}`}
              {c.email && ` — ${c.email}`}
            </li>
          ))}
        </ul>
      )}
      {isPending && <TransferDecision transfer={view} onNotice={setNotice} />}
    </>
  );
}

function TransferDecision({ transfer, onNotice }: { transfer: TransferView; onNotice: (notice: Notice) => void }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");
  const accept = usePathwayChange(
    () => pathwayApi.acceptTransfer(transfer.id),
    () => onNotice({ severity: "success", text: "Transfert accepté : votre organisation tient désormais le dossier." }),
  );
  const decline = usePathwayChange(
    (text: string) => pathwayApi.declineTransfer(transfer.id, { reason: text }),
    () => onNotice({ severity: "success", text: "Transfert refusé ; l'organisation d'origine en est informée." }),
  );
  const withdraw = usePathwayChange(
    () => pathwayApi.withdrawTransfer(transfer.id),
    () => onNotice({ severity: "success", text: "Demande de transfert retirée." }),
  );
  const errors = accept.errors.title ? accept.errors : decline.errors.title ? decline.errors : withdraw.errors;

  function handleDecline(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      decline.setErrors({ title: "Indiquez le motif du refus.", fields: { reason: "Ce champ est obligatoire." } });
      return;
    }
    decline.mutation.mutate(reason.trim());
  }

  return (
    <form ref={formRef} onSubmit={handleDecline} noValidate className="fr-mt-4w">
      <FormErrorAlert errors={errors} formRef={formRef} />
      {transfer.can.includes("pathway.decide_transfer") && (
        <>
          {declining && (
            <Input
              textArea
              label="Motif du refus"
              {...fieldStateAt(decline.errors, "reason")}
              nativeTextAreaProps={{
                name: "reason",
                value: reason,
                rows: 3,
                maxLength: 2000,
                onChange: (event) => setReason(event.target.value),
              }}
            />
          )}
          <ul className="fr-btns-group fr-btns-group--inline-md">
            {!declining && (
              <li>
                <Button
                  type="button"
                  onClick={() => accept.mutation.mutate(undefined)}
                  disabled={accept.mutation.isPending}
                >
                  Accepter le transfert
                </Button>
              </li>
            )}
            <li>
              {declining ? (
                <Button type="submit" priority="secondary" disabled={decline.mutation.isPending}>
                  Confirmer le refus
                </Button>
              ) : (
                <Button type="button" priority="secondary" onClick={() => setDeclining(true)}>
                  Refuser le transfert
                </Button>
              )}
            </li>
          </ul>
        </>
      )}
      {transfer.can.includes("pathway.withdraw_transfer") && (
        <Button
          type="button"
          priority="tertiary"
          onClick={() => withdraw.mutation.mutate(undefined)}
          disabled={withdraw.mutation.isPending}
        >
          Retirer la demande de transfert
        </Button>
      )}
    </form>
  );
}

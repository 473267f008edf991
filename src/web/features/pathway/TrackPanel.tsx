import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { type DeadlineView, type PathwayView, STATE_LABELS, TRACK_LABELS, type TrackView } from "@shared/pathway.ts";
import { useState } from "react";
import type { Notice } from "../../components/notice.tsx";
import { DeadlineBadge, formatInZone, formatLocalDate } from "./pathway-labels.tsx";
import { StepForm } from "./StepForm.tsx";

const VIA_LABELS = { user: "", review: " — décision de l'examen pluridisciplinaire", system: " — par Repère" } as const;

/** The open deadline of the track that falls first: what is due next, in one line. */
export function nextDeadlineOf(
  deadlines: readonly DeadlineView[],
  track: TrackView["track"],
): DeadlineView | undefined {
  return deadlines
    .filter((d) => d.track === track && d.status === "open")
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
}

/** One track: where it stands, since when, what is due next, its history, and the steps the user may take now. */
export function TrackPanel({
  pathway,
  track,
  canWrite,
  onNotice,
}: {
  pathway: PathwayView;
  track: TrackView;
  canWrite: boolean;
  onNotice: (notice: Notice) => void;
}) {
  const [chosen, setChosen] = useState<string>();
  const next = nextDeadlineOf(pathway.deadlines, track.track);
  const step = track.nextSteps.find((s) => s.to === chosen);
  const headingId = `track-${track.track}`;

  return (
    <section
      className="fr-p-3w fr-mb-3w"
      style={{ border: "1px solid var(--border-default-grey)" }}
      aria-labelledby={headingId}
    >
      <h3 id={headingId} className="fr-h5 fr-mb-1w">
        {TRACK_LABELS[track.track]}
      </h3>
      <p className="fr-mb-1w">
        <strong>{track.stateLabel}</strong>
        {track.stateSince && <> depuis le {formatInZone(track.stateSince, pathway.timeZone)}</>}
      </p>
      {next && (
        <p className="fr-mb-2w">
          <DeadlineBadge deadline={next} /> Prochaine échéance : {next.label}, au plus tard le{" "}
          <strong>{formatLocalDate(next.dueLocalDate)}</strong>
        </p>
      )}
      {track.history.length > 0 && (
        <details className="fr-mb-2w">
          <summary>Historique ({track.history.length})</summary>
          <ol className="fr-mt-1w">
            {track.history.map((h) => (
              <li key={h.id} className="fr-mb-1w">
                {formatInZone(h.occurredAt, pathway.timeZone)} : <strong>{STATE_LABELS[h.to]}</strong>
                {h.actor && ` — ${h.actor.displayName}`}
                {h.organisation && ` (${h.organisation.name})`}
                {VIA_LABELS[h.via]}
                {h.reference && <> — réf. {h.reference}</>}
                {h.reason && <p className="fr-text--sm fr-mb-0">{h.reason}</p>}
              </li>
            ))}
          </ol>
        </details>
      )}
      {canWrite && track.nextSteps.length > 0 && !step && (
        <div>
          <p className="fr-text--sm fr-mb-1w">Étapes possibles pour vous :</p>
          <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
            {track.nextSteps.map((s) => (
              <li key={s.to}>
                <Button priority="secondary" size="small" onClick={() => setChosen(s.to)}>
                  {s.label}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {canWrite && track.nextSteps.length === 0 && (
        <p className="fr-text--sm fr-hint-text fr-mb-0">
          <Badge as="span" small noIcon>
            En attente
          </Badge>{" "}
          Aucune étape ne vous revient à ce stade.
        </p>
      )}
      {step && (
        <StepForm
          pathway={pathway}
          track={track.track}
          from={track.state}
          step={step}
          onCancel={() => setChosen(undefined)}
          onDone={(notice) => {
            setChosen(undefined);
            onNotice(notice);
          }}
        />
      )}
    </section>
  );
}

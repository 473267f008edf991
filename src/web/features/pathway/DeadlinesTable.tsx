import { type DeadlineView, TRACK_LABELS } from "@shared/pathway.ts";
import { TableFrame } from "../../components/TableFrame.tsx";
import { DeadlineBadge, deadlineLength, formatInZone, formatLocalDate, SOURCE_LABELS } from "./pathway-labels.tsx";

const CELL_WRAP = { minWidth: "16rem", maxWidth: "26rem", whiteSpace: "normal" } as const;

const SCOPE_LABELS = { plan: "Plan de protection", transfer: "Transfert" } as const;

function scopeOf(deadline: DeadlineView): string {
  if (deadline.track === null) return "—";
  if (deadline.track === "plan" || deadline.track === "transfer") return SCOPE_LABELS[deadline.track];
  return TRACK_LABELS[deadline.track];
}

/**
 * Every deadline of the case, open ones first. Each says whether the law or Repère sets it and whether it counts
 * calendar or working days, as professionals must know which clock they are on.
 */
export function DeadlinesTable({ deadlines, timeZone }: { deadlines: readonly DeadlineView[]; timeZone: string }) {
  if (deadlines.length === 0) return <p>Aucune échéance pour l'instant.</p>;
  const sorted = [...deadlines].sort(
    (a, b) => Number(b.status === "open") - Number(a.status === "open") || a.dueAt.localeCompare(b.dueAt),
  );
  return (
    <TableFrame noCaption>
      <table>
        <caption>Échéances du dossier</caption>
        <thead>
          <tr>
            <th scope="col">Échéance</th>
            <th scope="col">Parcours</th>
            <th scope="col">Délai</th>
            <th scope="col">Au plus tard le</th>
            <th scope="col">État</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((d) => (
            <tr key={d.id}>
              {/* The legal basis is long: this column wraps so the clock and the date stay in view. */}
              <th scope="row" className="fr-text--regular fr-cell--multiline" style={CELL_WRAP}>
                {d.label}
                <p className="fr-text--xs fr-mb-0 fr-hint-text">{d.basis}</p>
              </th>
              <td>{scopeOf(d)}</td>
              <td>
                {deadlineLength(d)}
                <br />
                <span className="fr-text--xs">{SOURCE_LABELS[d.source]}</span>
              </td>
              <td>{formatLocalDate(d.dueLocalDate)}</td>
              <td>
                <DeadlineBadge deadline={d} />
                {d.metAt && <p className="fr-text--xs fr-mb-0">le {formatInZone(d.metAt, timeZone)}</p>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}

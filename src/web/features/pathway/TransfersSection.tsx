import type { PathwayView } from "@shared/pathway.ts";
import { Link } from "react-router";
import { formatInZone } from "./pathway-labels.tsx";
import { transferPath } from "./pathway-paths.ts";

export const TRANSFER_STATUS_LABELS = {
  requested: "En attente d'acceptation",
  accepted: "Accepté",
  declined: "Refusé",
  withdrawn: "Retiré",
} as const;

/** Hand-overs to another département: the history follows the case wherever it goes. */
export function TransfersSection({ pathway }: { pathway: PathwayView }) {
  if (pathway.transfers.length === 0) return null;
  return (
    <section className="fr-mb-4w" aria-labelledby="transfers-title">
      <h3 id="transfers-title" className="fr-h5">
        Transferts entre départements
      </h3>
      <ul>
        {pathway.transfers.map((t) => (
          <li key={t.id}>
            <Link to={transferPath(t.id)}>
              Transfert vers {t.toOrganisation.name} demandé le {formatInZone(t.requestedAt, pathway.timeZone)}
            </Link>{" "}
            — {TRANSFER_STATUS_LABELS[t.status]}
          </li>
        ))}
      </ul>
    </section>
  );
}

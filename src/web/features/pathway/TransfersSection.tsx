import { Button } from "@codegouvfr/react-dsfr/Button";
import type { PathwayView } from "@shared/pathway.ts";
import { useState } from "react";
import { Link } from "react-router";
import { formatInZone } from "./pathway-labels.tsx";
import { transferPath } from "./pathway-paths.ts";
import { RequestTransferForm } from "./RequestTransferForm.tsx";

export const TRANSFER_STATUS_LABELS = {
  requested: "En attente d'acceptation",
  accepted: "Accepté",
  declined: "Refusé",
  withdrawn: "Retiré",
} as const;

/** Hand-overs to another département: the history follows the case wherever it goes. */
export function TransfersSection({
  pathway,
  ownerOrganisationId,
  canRequest,
}: {
  pathway: PathwayView;
  ownerOrganisationId: string;
  canRequest: boolean;
}) {
  const [requesting, setRequesting] = useState(false);
  const hasPending = pathway.transfers.some((t) => t.status === "requested");
  if (pathway.transfers.length === 0 && !canRequest) return null;
  return (
    <section className="fr-mb-4w" aria-labelledby="transfers-title">
      <h3 id="transfers-title" className="fr-h5">
        Transferts entre départements
      </h3>
      {pathway.transfers.length === 0 && <p>Aucun transfert demandé.</p>}
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
      {canRequest &&
        !hasPending &&
        (requesting ? (
          <RequestTransferForm
            caseId={pathway.caseId}
            ownerOrganisationId={ownerOrganisationId}
            onCancel={() => setRequesting(false)}
          />
        ) : (
          <Button priority="secondary" onClick={() => setRequesting(true)}>
            Demander un transfert vers un autre département
          </Button>
        ))}
    </section>
  );
}

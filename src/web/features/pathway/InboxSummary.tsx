import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { pathwayApi } from "../../api.ts";
import { PATHS } from "../../paths.ts";
import { inboxQueryKey } from "./pathway-query.ts";

/** The home page's first line for case professionals: how much is late, due soon or waiting for them. */
export function InboxSummary() {
  const inbox = useQuery({ queryKey: inboxQueryKey("all"), queryFn: () => pathwayApi.getInbox("all") });
  if (!inbox.data) return null;
  const { overdue, due_soon: dueSoon, awaiting_decision: awaiting, information } = inbox.data.counts;
  const total = overdue + dueSoon + awaiting + information;
  return (
    <Alert
      severity={overdue > 0 ? "error" : total > 0 ? "warning" : "success"}
      className="fr-mb-4w"
      title={total > 0 ? "À traiter" : "Rien à traiter"}
      description={
        <>
          {total > 0
            ? `${overdue} en retard, ${dueSoon} à échéance proche, ${awaiting} en attente de votre décision, ${information} pour information. `
            : "Aucune échéance ni décision ne vous attend. "}
          <Link to={PATHS.inbox}>Voir ce qui est à traiter</Link>
        </>
      }
    />
  );
}

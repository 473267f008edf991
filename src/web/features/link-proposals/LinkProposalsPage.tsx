import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { type LinkProposalView, MATCH_KEY_LABELS } from "@shared/cases.ts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { api } from "../../api.ts";
import { formatDateTime } from "../../components/format-date.ts";
import { LoadingMessage } from "../../components/LoadingMessage.tsx";
import { type Notice, NoticeAlert } from "../../components/notice.tsx";
import { PATHS } from "../../paths.ts";
import { organisationTypeLabel } from "../cases/case-labels.tsx";
import { caseFilePath } from "../cases/case-paths.ts";
import { linkProposalsQueryKey } from "../cases/cases-query.ts";

const DECISION_LABELS = { confirmed: "Confirmé", rejected: "Écarté" } as const;

function stateOf(proposal: LinkProposalView) {
  if (proposal.status === "confirmed")
    return (
      <Badge as="span" small severity="success">
        Même personne, confirmé
      </Badge>
    );
  if (proposal.status === "rejected")
    return (
      <Badge as="span" small>
        Écarté
      </Badge>
    );
  if (proposal.myDecision)
    return (
      <Badge as="span" small severity="info">
        En attente de l'autre organisation
      </Badge>
    );
  return (
    <Badge as="span" small severity="new">
      À trancher
    </Badge>
  );
}

/** Probable duplicates across organisations: only the keys that agreed and who holds the other case, broadly. */
export default function LinkProposalsPage() {
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<Notice>();
  const proposals = useQuery({ queryKey: linkProposalsQueryKey, queryFn: api.listLinkProposals });

  const decide = useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: "confirm" | "reject" }) =>
      api.decideLinkProposal(id, decision),
    onSuccess: async (proposal) => {
      setNotice({
        severity: "success",
        text:
          proposal.status === "confirmed"
            ? `Rapprochement confirmé pour le dossier ${proposal.myCase.number} : les deux dossiers sont reliés.`
            : proposal.status === "rejected"
              ? `Rapprochement écarté pour le dossier ${proposal.myCase.number}.`
              : `Votre confirmation est enregistrée pour le dossier ${proposal.myCase.number}. L'autre organisation doit aussi confirmer.`,
      });
      await queryClient.invalidateQueries({ queryKey: linkProposalsQueryKey });
    },
    onError: (error) => setNotice({ severity: "error", text: error.message }),
  });

  const items = proposals.data ?? [];

  return (
    <>
      <title>Doublons probables — Repère</title>
      <Breadcrumb
        currentPageLabel="Doublons probables"
        homeLinkProps={{ to: PATHS.home }}
        segments={[{ label: "Dossiers", linkProps: { to: PATHS.cases } }]}
      />
      <h1>Doublons probables</h1>
      <p>
        Un dossier d'une autre organisation semble concerner la même personne que l'un des vôtres. Rien d'autre n'est
        communiqué de part et d'autre : seulement les éléments qui concordent, le type d'organisation et le département.
        Si les deux organisations confirment, les dossiers sont reliés.
      </p>
      <NoticeAlert notice={notice} onClose={() => setNotice(undefined)} />
      {proposals.error && <Alert severity="error" small role="alert" description={proposals.error.message} />}
      {proposals.isPending ? (
        <LoadingMessage />
      ) : items.length === 0 ? (
        <p>Aucun doublon probable.</p>
      ) : (
        <Table
          caption={`${items.length} rapprochement${items.length > 1 ? "s" : ""} proposé${items.length > 1 ? "s" : ""}`}
          headers={["Votre dossier", "Éléments concordants", "Autre dossier", "Décisions", "État", "Action"]}
          data={items.map((proposal) => [
            <Link key="case" to={caseFilePath(proposal.myCase.id)}>
              {proposal.myCase.number}
            </Link>,
            proposal.matchedKeys.map((key) => MATCH_KEY_LABELS[key]).join(", "),
            `${organisationTypeLabel(proposal.otherCase.organisationType)}, département ${proposal.otherCase.departmentCode}`,
            `Vous : ${proposal.myDecision ? DECISION_LABELS[proposal.myDecision] : "à décider"} — autre organisation : ${proposal.otherDecision ? DECISION_LABELS[proposal.otherDecision] : "à décider"} (proposé le ${formatDateTime(proposal.createdAt)})`,
            stateOf(proposal),
            proposal.status === "pending" && proposal.myDecision === null ? (
              <ul key="actions" className="fr-btns-group fr-btns-group--sm fr-btns-group--inline">
                <li>
                  <Button
                    size="small"
                    disabled={decide.isPending}
                    onClick={() => decide.mutate({ id: proposal.id, decision: "confirm" })}
                  >
                    Confirmer<span className="fr-sr-only"> le rapprochement du dossier {proposal.myCase.number}</span>
                  </Button>
                </li>
                <li>
                  <Button
                    size="small"
                    priority="secondary"
                    disabled={decide.isPending}
                    onClick={() => decide.mutate({ id: proposal.id, decision: "reject" })}
                  >
                    Écarter<span className="fr-sr-only"> le rapprochement du dossier {proposal.myCase.number}</span>
                  </Button>
                </li>
              </ul>
            ) : (
              "—"
            ),
          ])}
        />
      )}
    </>
  );
}

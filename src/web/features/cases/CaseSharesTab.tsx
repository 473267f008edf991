import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Table } from "@codegouvfr/react-dsfr/Table";
import {
  CASE_SECTION_LABELS,
  type CaseView,
  PARENTAL_NOT_INFORMED_REASON_LABELS,
  SHARE_LEGAL_BASIS_LABELS,
  SHARE_PURPOSE_LABELS,
  type ShareView,
} from "@shared/cases.ts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../api.ts";
import { LoadingMessage } from "../../components/LoadingMessage.tsx";
import { type Notice, NoticeAlert } from "../../components/notice.tsx";
import { formatIsoDate } from "./case-labels.tsx";
import { caseSharesQueryKey } from "./cases-query.ts";
import { ShareForm } from "./ShareForm.tsx";

/** Shares end at midnight UTC after their last day: show that day, as it was typed. */
function lastDayOf(share: ShareView): string {
  return formatIsoDate(new Date(Date.parse(share.expiresAt) - 86_400_000).toISOString());
}

function recipientOf(share: ShareView): string {
  if (share.user) return `${share.user.displayName} (${share.user.organisation.name})`;
  return share.organisation?.name ?? "—";
}

function parentalText(share: ShareView): string {
  if (share.parentalAuthorityInformed === null) return "Sans objet";
  if (share.parentalAuthorityInformed) return "Informés";
  return `Non informés${share.parentalNotInformedReason ? ` : ${PARENTAL_NOT_INFORMED_REASON_LABELS[share.parentalNotInformedReason].toLowerCase()}` : ""}`;
}

function shareState(share: ShareView) {
  if (share.isActive)
    return (
      <Badge as="span" small severity="success">
        Actif
      </Badge>
    );
  return (
    <Badge as="span" small>
      {share.revokedAt ? "Révoqué" : "Expiré"}
    </Badge>
  );
}

export function CaseSharesTab({ caseFile }: { caseFile: CaseView }) {
  const queryClient = useQueryClient();
  const [isSharing, setIsSharing] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const shares = useQuery({
    queryKey: caseSharesQueryKey(caseFile.id),
    queryFn: () => api.listCaseShares(caseFile.id),
  });
  const canShare = caseFile.can.includes("case.share") && caseFile.status === "open";
  const canRevoke = caseFile.can.includes("case.revoke_share");

  const revoke = useMutation({
    mutationFn: (shareId: string) => api.revokeCaseShare(caseFile.id, shareId),
    onSuccess: async (share) => {
      setNotice({ severity: "success", text: `Le partage avec ${recipientOf(share)} est révoqué.` });
      await queryClient.invalidateQueries({ queryKey: caseSharesQueryKey(caseFile.id) });
    },
    onError: (error) => setNotice({ severity: "error", text: error.message }),
  });

  return (
    <>
      <h2 className="fr-h4">Partages</h2>
      <NoticeAlert notice={notice} onClose={() => setNotice(undefined)} />
      {canShare && !isSharing && (
        <Button className="fr-mb-3w" iconId="fr-icon-share-line" onClick={() => setIsSharing(true)}>
          Partager le dossier
        </Button>
      )}
      {isSharing && (
        <ShareForm
          caseId={caseFile.id}
          ownerOrganisationId={caseFile.ownerOrganisation.id}
          onShared={() => {
            setIsSharing(false);
            setNotice({ severity: "success", text: "Le dossier est partagé." });
          }}
          onCancel={() => setIsSharing(false)}
        />
      )}
      {shares.error && <Alert severity="error" small role="alert" description={shares.error.message} />}
      {shares.isPending ? (
        <LoadingMessage />
      ) : (shares.data ?? []).length === 0 ? (
        <p>Ce dossier n'est partagé avec personne.</p>
      ) : (
        <Table
          caption="Partages du dossier"
          headers={[
            "Destinataire",
            "Finalité",
            "Fondement",
            "Rubriques",
            "Autorité parentale",
            "Fin",
            "État",
            ...(canRevoke ? ["Action"] : []),
          ]}
          data={(shares.data ?? []).map((share) => [
            recipientOf(share),
            SHARE_PURPOSE_LABELS[share.purpose],
            SHARE_LEGAL_BASIS_LABELS[share.legalBasis],
            share.sections.map((section) => CASE_SECTION_LABELS[section]).join(", "),
            parentalText(share),
            `${lastDayOf(share)} inclus`,
            shareState(share),
            ...(canRevoke
              ? [
                  share.isActive ? (
                    <Button
                      key="revoke"
                      size="small"
                      priority="secondary"
                      disabled={revoke.isPending}
                      onClick={() => revoke.mutate(share.id)}
                    >
                      Révoquer<span className="fr-sr-only"> le partage avec {recipientOf(share)}</span>
                    </Button>
                  ) : (
                    "—"
                  ),
                ]
              : []),
          ])}
        />
      )}
    </>
  );
}

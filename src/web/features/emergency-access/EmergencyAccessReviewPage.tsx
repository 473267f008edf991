import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Table } from "@codegouvfr/react-dsfr/Table";
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
import { emergencyAccessesQueryKey } from "../cases/cases-query.ts";

/** Managers review every break-glass access to their cases: who, from where, why, and for how long. */
export default function EmergencyAccessReviewPage() {
  const queryClient = useQueryClient();
  const [unreviewedOnly, setUnreviewedOnly] = useState(true);
  const [notice, setNotice] = useState<Notice>();
  const accesses = useQuery({
    queryKey: [...emergencyAccessesQueryKey, { unreviewedOnly }],
    queryFn: () => api.listEmergencyAccesses(unreviewedOnly),
  });

  const review = useMutation({
    mutationFn: api.reviewEmergencyAccess,
    onSuccess: async (access) => {
      setNotice({ severity: "success", text: `L'accès au dossier ${access.caseNumber} est marqué comme examiné.` });
      await queryClient.invalidateQueries({ queryKey: emergencyAccessesQueryKey });
    },
    onError: (error) => setNotice({ severity: "error", text: error.message }),
  });
  const items = accesses.data ?? [];

  return (
    <>
      <title>Accès d'urgence à examiner — Repère</title>
      <Breadcrumb
        currentPageLabel="Accès d'urgence"
        homeLinkProps={{ to: PATHS.home }}
        segments={[{ label: "Dossiers", linkProps: { to: PATHS.cases } }]}
      />
      <h1>Accès d'urgence</h1>
      <p>
        Les accès d'urgence ouverts par des professionnels d'autres organisations sur les dossiers que vous suivez.
        Vérifiez que chaque motif justifiait l'urgence. La consultation de cette liste est enregistrée.
      </p>
      <NoticeAlert notice={notice} onClose={() => setNotice(undefined)} />
      <Checkbox
        small
        options={[
          {
            label: "Seulement les accès pas encore examinés",
            nativeInputProps: { checked: unreviewedOnly, onChange: (event) => setUnreviewedOnly(event.target.checked) },
          },
        ]}
      />
      {accesses.error && <Alert severity="error" small role="alert" description={accesses.error.message} />}
      {accesses.isPending ? (
        <LoadingMessage />
      ) : items.length === 0 ? (
        <p>Aucun accès d'urgence {unreviewedOnly ? "à examiner" : "enregistré"}.</p>
      ) : (
        <Table
          caption={`${items.length} accès d'urgence`}
          headers={["Dossier", "Par", "Motif", "Ouvert le", "Jusqu'au", "Examen"]}
          data={items.map((access) => [
            <Link key="case" to={caseFilePath(access.caseId)}>
              {access.caseNumber}
            </Link>,
            `${access.user.displayName} — ${access.organisation.name} (${organisationTypeLabel(access.organisation.type)})`,
            <span key="reason" style={{ whiteSpace: "pre-wrap" }}>
              {access.reason ?? "—"}
            </span>,
            formatDateTime(access.createdAt),
            formatDateTime(access.expiresAt),
            access.reviewedAt ? (
              <Badge as="span" key="reviewed" small severity="success">
                {`Examiné le ${formatDateTime(access.reviewedAt)}${access.reviewedBy ? ` par ${access.reviewedBy.displayName}` : ""}`}
              </Badge>
            ) : (
              <Button
                key="review"
                size="small"
                priority="secondary"
                disabled={review.isPending}
                onClick={() => review.mutate(access.id)}
              >
                Marquer comme examiné<span className="fr-sr-only"> (dossier {access.caseNumber})</span>
              </Button>
            ),
          ])}
        />
      )}
    </>
  );
}

import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Table } from "@codegouvfr/react-dsfr/Table";
import {
  AGE_BAND_LABELS,
  CASE_STATUS_LABELS,
  type CaseStatus,
  type CaseSummaryView,
  EXPLOITATION_FAMILY_LABELS,
  GENDER_LABELS,
  VICTIM_STATUS_LABELS,
} from "@shared/cases.ts";
import { Link } from "react-router";
import { formatDateTime } from "../../components/format-date.ts";
import { ACCESS_LABELS } from "./case-labels.tsx";
import { caseFilePath } from "./case-paths.ts";

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  return (
    <Badge as="span" small severity={status === "open" ? "info" : undefined} noIcon>
      {CASE_STATUS_LABELS[status]}
    </Badge>
  );
}

/** Shown for a field of a section the caller's share does not open. */
const HIDDEN = <span className="fr-text--xs">Non partagé</span>;
const orDash = (text: string | undefined) => text || "—";

interface CasesTableProps {
  caption: string;
  cases: CaseSummaryView[];
}

export function CasesTable({ caption, cases }: CasesTableProps) {
  return (
    <Table
      caption={caption}
      headers={[
        "Numéro",
        "Statut",
        "Âge",
        "Genre",
        "Formes d'exploitation",
        "Statut de victime",
        "Référent·e",
        "Mis à jour",
      ]}
      data={cases.map((caseFile) => {
        // The profile columns are null together when the caller's share does not open the profile.
        const isProfileHidden = caseFile.exploitationFamilies === null;
        return [
          <span key="number" style={{ whiteSpace: "nowrap" }}>
            <Link to={caseFilePath(caseFile.id)} data-case-link>
              {caseFile.number}
            </Link>
            {caseFile.access !== "full" && (
              <>
                <br />
                <Badge as="span" small severity={caseFile.access === "emergency" ? "warning" : "new"} noIcon>
                  {ACCESS_LABELS[caseFile.access]}
                </Badge>
              </>
            )}
          </span>,
          <CaseStatusBadge key="status" status={caseFile.status} />,
          isProfileHidden ? HIDDEN : orDash(caseFile.ageBandToday ? AGE_BAND_LABELS[caseFile.ageBandToday] : ""),
          isProfileHidden || !caseFile.gender ? HIDDEN : GENDER_LABELS[caseFile.gender],
          isProfileHidden
            ? HIDDEN
            : orDash(caseFile.exploitationFamilies?.map((family) => EXPLOITATION_FAMILY_LABELS[family]).join(", ")),
          isProfileHidden ? HIDDEN : orDash(caseFile.victimStatus ? VICTIM_STATUS_LABELS[caseFile.victimStatus] : ""),
          orDash(caseFile.assignedUser?.displayName),
          formatDateTime(caseFile.updatedAt),
        ];
      })}
    />
  );
}

import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { SegmentedControl } from "@codegouvfr/react-dsfr/SegmentedControl";
import type { InboxCategory, InboxItem } from "@shared/pathway.ts";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { pathwayApi } from "../../api.ts";
import { formatDateTimeLong } from "../../components/format-date.ts";
import { LoadingMessage } from "../../components/LoadingMessage.tsx";
import { TableFrame } from "../../components/TableFrame.tsx";
import { PATHS } from "../../paths.ts";
import { casePathwayPath } from "../cases/case-paths.ts";
import { INBOX_CATEGORY_LABELS } from "./pathway-labels.tsx";
import { reviewPath, transferPath } from "./pathway-paths.ts";
import { inboxQueryKey, usePathwayChange } from "./pathway-query.ts";

type Scope = "all" | "me" | "organisation";
const SCOPES = [
  { value: "all", label: "Tout" },
  { value: "me", label: "Mes dossiers" },
  { value: "organisation", label: "Mon organisation" },
] as const satisfies readonly { value: Scope; label: string }[];
const CATEGORIES: InboxCategory[] = ["overdue", "due_soon", "awaiting_decision", "information"];
const CATEGORY_SEVERITY = {
  overdue: "error",
  due_soon: "warning",
  awaiting_decision: "info",
  information: "new",
} as const;

/** Where an item is dealt with: the review, the transfer, or the case's pathway. */
function targetOf(item: InboxItem): string {
  if (item.reviewId) return reviewPath(item.reviewId);
  if (item.transferId) return transferPath(item.transferId);
  return casePathwayPath(item.caseId);
}

/**
 * "À traiter": what is overdue, due soon, awaiting my decision, and what I should know, for me or my organisation.
 * The first screen a professional opens in the morning.
 */
export default function InboxPage() {
  const [scope, setScope] = useState<Scope>("all");
  const segment = (s: (typeof SCOPES)[number]) => ({
    label: s.label,
    nativeInputProps: { checked: scope === s.value, onChange: () => setScope(s.value) },
  });
  const inbox = useQuery({ queryKey: inboxQueryKey(scope), queryFn: () => pathwayApi.getInbox(scope) });

  return (
    <>
      <title>À traiter — Repère</title>
      <Breadcrumb currentPageLabel="À traiter" homeLinkProps={{ to: PATHS.home }} segments={[]} />
      <h1>À traiter</h1>
      <SegmentedControl
        legend="Afficher"
        segments={[segment(SCOPES[0]), segment(SCOPES[1]), segment(SCOPES[2])]}
        className="fr-mb-3w"
      />
      {inbox.isPending ? (
        <LoadingMessage />
      ) : !inbox.data ? (
        <Alert severity="error" small role="alert" description={inbox.error?.message ?? "Indisponible."} />
      ) : (
        <>
          <ul className="fr-badges-group fr-mb-3w" aria-label="Résumé">
            {CATEGORIES.map((category) => (
              <li key={category}>
                <Badge as="span" severity={CATEGORY_SEVERITY[category]} noIcon>
                  {INBOX_CATEGORY_LABELS[category]} : {inbox.data.counts[category]}
                </Badge>
              </li>
            ))}
          </ul>
          {inbox.data.items.length === 0 && <p>Rien à traiter pour l'instant.</p>}
          {CATEGORIES.map((category) => {
            const items = inbox.data.items.filter((item) => item.category === category);
            return items.length > 0 ? <CategorySection key={category} category={category} items={items} /> : null;
          })}
        </>
      )}
    </>
  );
}

function CategorySection({ category, items }: { category: InboxCategory; items: InboxItem[] }) {
  const headingId = `inbox-${category}`;
  return (
    <section className="fr-mb-4w" aria-labelledby={headingId}>
      <h2 id={headingId} className="fr-h4">
        {INBOX_CATEGORY_LABELS[category]} ({items.length})
      </h2>
      <TableFrame noCaption>
        <table>
          <caption>{INBOX_CATEGORY_LABELS[category]}</caption>
          <thead>
            <tr>
              <th scope="col">Dossier</th>
              <th scope="col">À faire</th>
              <th scope="col">Échéance</th>
              <th scope="col">
                <span className="fr-sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <InboxRow
                key={`${item.kind}-${item.deadlineId ?? item.reviewId ?? item.transferId ?? item.notificationId ?? item.track}-${item.caseId}`}
                item={item}
              />
            ))}
          </tbody>
        </table>
      </TableFrame>
    </section>
  );
}

function InboxRow({ item }: { item: InboxItem }) {
  const markRead = usePathwayChange((id: string) => pathwayApi.readNotification(id));
  return (
    <tr>
      <th scope="row">
        <Link to={casePathwayPath(item.caseId)}>{item.caseNumber}</Link>
        {item.scope === "me" && (
          <Badge as="span" small noIcon className="fr-ml-1w">
            Moi
          </Badge>
        )}
      </th>
      <td>
        <Link to={targetOf(item)}>{item.label}</Link>
      </td>
      <td>{item.dueAt ? formatDateTimeLong(item.dueAt) : "—"}</td>
      <td>
        {item.notificationId && (
          <Button
            priority="tertiary"
            size="small"
            disabled={markRead.mutation.isPending}
            onClick={() => item.notificationId && markRead.mutation.mutate(item.notificationId)}
          >
            Marquer comme lu
          </Button>
        )}
      </td>
    </tr>
  );
}

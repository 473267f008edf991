import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Table } from "@codegouvfr/react-dsfr/Table";
import type { AuditEventView } from "@shared/admin.ts";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { type AuditFilters, api } from "../../api.ts";
import { formatDateTime } from "../../components/format-date.ts";
import { LoadingMessage } from "../../components/LoadingMessage.tsx";
import { PATHS } from "../../paths.ts";
import { canDo, useActiveSession } from "../../session.ts";
import { AuditFiltersForm } from "./AuditFiltersForm.tsx";
import { AuditIntegrity } from "./AuditIntegrity.tsx";
import { auditEventLabel, OUTCOME_LABELS, targetLabel } from "./audit-labels.ts";

const PAGE_SIZE = 50;

export default function AuditPage() {
  const session = useActiveSession();
  const [filters, setFilters] = useState<AuditFilters>({});
  const events = useInfiniteQuery({
    queryKey: ["admin", "audit", filters],
    queryFn: ({ pageParam }) => api.browseAudit({ ...filters, before: pageParam, limit: PAGE_SIZE }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => page.nextBefore ?? undefined,
  });
  const actors = useQuery({
    queryKey: ["admin", "users", {}],
    queryFn: () => api.listUsers(),
    enabled: canDo(session, "user.list"),
  });
  const rows = events.data?.pages.flatMap((page) => page.events) ?? [];

  return (
    <>
      <title>Journal d'audit — Repère</title>
      <Breadcrumb currentPageLabel="Journal d'audit" homeLinkProps={{ to: PATHS.home }} segments={[]} />
      <h1>Journal d'audit</h1>
      <p>
        Chaque action est enregistrée et chaînée à la précédente : une ligne modifiée ou supprimée se voit à la
        vérification.
      </p>

      {canDo(session, "audit.verify") && <AuditIntegrity />}

      <h2 className="fr-mt-4w">Événements</h2>
      <AuditFiltersForm actors={actors.data} departmentScope={session.user.adminDepartmentCode} onApply={setFilters} />

      {events.error && (
        <Alert severity="error" small role="alert" description={events.error.message} className="fr-mb-3w" />
      )}
      {events.isPending ? <LoadingMessage /> : <AuditTable events={rows} />}
      {events.hasNextPage && (
        <Button priority="secondary" onClick={() => events.fetchNextPage()} disabled={events.isFetchingNextPage}>
          {events.isFetchingNextPage ? "Chargement…" : "Charger plus"}
        </Button>
      )}
    </>
  );
}

function outcomeBadge(outcome: AuditEventView["outcome"]) {
  const severity = outcome === "success" ? "success" : outcome === "denied" ? "warning" : "error";
  return (
    <Badge severity={severity} small noIcon>
      {OUTCOME_LABELS[outcome]}
    </Badge>
  );
}

function AuditTable({ events }: { events: AuditEventView[] }) {
  if (events.length === 0) return <p>Aucun événement ne correspond à ces critères.</p>;
  return (
    <Table
      caption={`${events.length} événement${events.length > 1 ? "s" : ""} affiché${events.length > 1 ? "s" : ""}`}
      headers={["Date", "Action", "Résultat", "Auteur", "Cible", "Département"]}
      data={events.map((event) => [
        <time key="date" dateTime={event.occurredAt}>
          {formatDateTime(event.occurredAt)}
        </time>,
        auditEventLabel(event.action),
        outcomeBadge(event.outcome),
        event.actorName ?? (event.actorUserId ? event.actorUserId : "Système"),
        <span key="target" style={{ overflowWrap: "anywhere" }}>
          {targetLabel(event)}
        </span>,
        event.departmentCode ?? "—",
      ])}
    />
  );
}

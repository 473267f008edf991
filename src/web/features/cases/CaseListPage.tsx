import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { api, type CaseListFilters } from "../../api.ts";
import { LoadingMessage } from "../../components/LoadingMessage.tsx";
import { PATHS } from "../../paths.ts";
import { canDo, useActiveSession } from "../../session.ts";
import { CaseFiltersForm } from "./CaseFiltersForm.tsx";
import { CasesTable } from "./CasesTable.tsx";
import { casesQueryKey } from "./cases-query.ts";
import { EmergencyAccessForm } from "./EmergencyAccessForm.tsx";

export default function CaseListPage() {
  const session = useActiveSession();
  const [filters, setFilters] = useState<CaseListFilters>({});
  const [isRequestingEmergency, setIsRequestingEmergency] = useState(false);
  const tableRef = useRef<HTMLDivElement>(null);
  const [focusRowIndex, setFocusRowIndex] = useState<number>();
  // Educators follow the young people placed in their establishment: the list is theirs, not a file registry.
  const title = session.user.roles.every((role) => role === "educator") ? "Mes jeunes" : "Dossiers";

  const cases = useInfiniteQuery({
    queryKey: [...casesQueryKey, "list", filters],
    queryFn: ({ pageParam }) => api.listCases({ ...filters, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
  const items = cases.data?.pages.flatMap((page) => page.items) ?? [];

  useEffect(() => {
    if (focusRowIndex === undefined || items.length <= focusRowIndex) return;
    // After "Charger plus", keyboard users continue from the first new row instead of the button that moved down.
    tableRef.current?.querySelectorAll<HTMLElement>("a[data-case-link]")[focusRowIndex]?.focus();
    setFocusRowIndex(undefined);
  }, [items.length, focusRowIndex]);

  function loadMore() {
    setFocusRowIndex(items.length);
    void cases.fetchNextPage();
  }

  return (
    <>
      <title>{`${title} — Repère`}</title>
      <Breadcrumb currentPageLabel={title} homeLinkProps={{ to: PATHS.home }} segments={[]} />
      <h1>{title}</h1>

      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        {canDo(session, "case.create") && (
          <li>
            <Button iconId="fr-icon-add-line" linkProps={{ to: PATHS.newCase }}>
              Nouveau dossier
            </Button>
          </li>
        )}
        {canDo(session, "case.list_link_proposals") && (
          <li>
            <Button priority="secondary" iconId="fr-icon-links-line" linkProps={{ to: PATHS.linkProposals }}>
              Doublons probables
            </Button>
          </li>
        )}
        {canDo(session, "case.review_emergency_access") && (
          <li>
            <Button priority="secondary" iconId="fr-icon-eye-line" linkProps={{ to: PATHS.emergencyAccesses }}>
              Accès d'urgence à examiner
            </Button>
          </li>
        )}
        {canDo(session, "case.emergency_access") && !isRequestingEmergency && (
          <li>
            <Button
              priority="tertiary"
              iconId="fr-icon-alarm-warning-line"
              onClick={() => setIsRequestingEmergency(true)}
            >
              Accès d'urgence
            </Button>
          </li>
        )}
      </ul>

      {isRequestingEmergency && (
        <section className="fr-p-3w fr-mb-4w fr-background-alt--grey">
          <EmergencyAccessForm onCancel={() => setIsRequestingEmergency(false)} />
        </section>
      )}

      <CaseFiltersForm initial={filters} onApply={setFilters} />

      {cases.error && (
        <Alert severity="error" small role="alert" description={cases.error.message} className="fr-mb-3w" />
      )}
      {cases.isPending ? (
        <LoadingMessage />
      ) : items.length === 0 ? (
        <p>Aucun dossier ne correspond à ces critères.</p>
      ) : (
        <div ref={tableRef}>
          <CasesTable
            caption={`${items.length} dossier${items.length > 1 ? "s" : ""} affiché${items.length > 1 ? "s" : ""}${cases.hasNextPage ? " (d'autres peuvent être chargés)" : ""}`}
            cases={items}
          />
        </div>
      )}
      <p className="fr-sr-only" role="status">
        {cases.isFetchingNextPage ? "Chargement de la suite…" : ""}
      </p>
      {cases.hasNextPage && (
        <Button priority="secondary" onClick={loadMore} disabled={cases.isFetchingNextPage}>
          Charger plus
        </Button>
      )}
    </>
  );
}

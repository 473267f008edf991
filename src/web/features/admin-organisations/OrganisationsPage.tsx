import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Table } from "@codegouvfr/react-dsfr/Table";
import type { OrganisationView } from "@shared/admin.ts";
import { departmentLabel } from "@shared/departments.ts";
import { ORGANISATION_TYPE_LABELS } from "@shared/roles.ts";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { api, type ListFilters } from "../../api.ts";
import { ListFiltersForm } from "../../components/ListFiltersForm.tsx";
import { LoadingMessage } from "../../components/LoadingMessage.tsx";
import { type Notice, NoticeAlert } from "../../components/notice.tsx";
import { PATHS } from "../../paths.ts";
import { canDo, useActiveSession } from "../../session.ts";
import { CreateOrganisationForm } from "./CreateOrganisationForm.tsx";
import { EditOrganisationForm } from "./EditOrganisationForm.tsx";
import { organisationsQueryKey } from "./organisations-query.ts";

type Panel = { kind: "none" } | { kind: "create" } | { kind: "edit"; id: string };

export default function OrganisationsPage() {
  const session = useActiveSession();
  const [filters, setFilters] = useState<ListFilters>({});
  const [panel, setPanel] = useState<Panel>({ kind: "none" });
  const [notice, setNotice] = useState<Notice>();
  const panelRef = useRef<HTMLElement>(null);
  const organisations = useQuery({
    queryKey: [...organisationsQueryKey, filters],
    queryFn: () => api.listOrganisations(filters),
  });

  useEffect(() => {
    if (panel.kind !== "none") panelRef.current?.querySelector<HTMLElement>("h2")?.focus();
  }, [panel]);

  const editing = panel.kind === "edit" ? organisations.data?.find((o) => o.id === panel.id) : undefined;
  const close = (text?: string) => {
    setPanel({ kind: "none" });
    setNotice(text ? { severity: "success", text } : undefined);
  };

  return (
    <>
      <title>Organisations — Repère</title>
      <Breadcrumb currentPageLabel="Organisations" homeLinkProps={{ to: PATHS.home }} segments={[]} />
      <h1>Organisations</h1>
      <p>Les organisations de votre périmètre et le nombre de comptes de chacune.</p>

      <NoticeAlert notice={notice} onClose={() => setNotice(undefined)} />

      {canDo(session, "organisation.create") && panel.kind === "none" && (
        <Button iconId="fr-icon-add-line" className="fr-mb-3w" onClick={() => setPanel({ kind: "create" })}>
          Créer une organisation
        </Button>
      )}

      {panel.kind !== "none" && (
        <section ref={panelRef} className="fr-p-3w fr-mb-4w fr-background-alt--grey">
          {panel.kind === "create" && (
            <CreateOrganisationForm
              defaultDepartmentCode={session.user.adminDepartmentCode}
              onCreated={(organisation) => close(`L'organisation « ${organisation.name} » a été créée.`)}
              onCancel={() => close()}
            />
          )}
          {panel.kind === "edit" && editing && (
            <EditOrganisationForm
              key={`${editing.id}-${editing.version}`}
              organisation={editing}
              onSaved={(organisation) => close(`L'organisation « ${organisation.name} » a été enregistrée.`)}
              onConflict={(text) => setNotice({ severity: "warning", text })}
              onCancel={() => close()}
            />
          )}
        </section>
      )}

      <ListFiltersForm
        legend="Filtrer les organisations"
        searchLabel="Nom de l'organisation"
        initial={filters}
        onApply={setFilters}
      />

      {organisations.error && (
        <Alert severity="error" small role="alert" description={organisations.error.message} className="fr-mb-3w" />
      )}
      {organisations.isPending ? (
        <LoadingMessage />
      ) : (
        <OrganisationsTable
          organisations={organisations.data ?? []}
          canUpdate={canDo(session, "organisation.update")}
          onEdit={(id) => {
            setNotice(undefined);
            setPanel({ kind: "edit", id });
          }}
        />
      )}
    </>
  );
}

interface OrganisationsTableProps {
  organisations: OrganisationView[];
  canUpdate: boolean;
  onEdit: (id: string) => void;
}

function OrganisationsTable({ organisations, canUpdate, onEdit }: OrganisationsTableProps) {
  if (organisations.length === 0) return <p>Aucune organisation ne correspond à ces critères.</p>;
  const headers = ["Nom", "Type", "Département", "Comptes", "État", ...(canUpdate ? ["Actions"] : [])];
  return (
    <Table
      caption={`${organisations.length} organisation${organisations.length > 1 ? "s" : ""}`}
      headers={headers}
      data={organisations.map((organisation) => [
        organisation.name,
        ORGANISATION_TYPE_LABELS[organisation.type],
        organisation.departmentCode ? departmentLabel(organisation.departmentCode) : "National",
        organisation.userCount,
        organisation.isActive ? (
          <Badge key="state" severity="success" small>
            Active
          </Badge>
        ) : (
          <Badge key="state" small>
            Désactivée
          </Badge>
        ),
        ...(canUpdate
          ? [
              <Button key="edit" size="small" priority="secondary" onClick={() => onEdit(organisation.id)}>
                Modifier<span className="fr-sr-only"> {organisation.name}</span>
              </Button>,
            ]
          : []),
      ])}
    />
  );
}

import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Table } from "@codegouvfr/react-dsfr/Table";
import type { UserView } from "@shared/admin.ts";
import { ROLE_LABELS } from "@shared/roles.ts";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { api, type ListFilters } from "../../api.ts";
import { formatDateTime, formatDateTimeLong } from "../../components/format-date.ts";
import { ListFiltersForm } from "../../components/ListFiltersForm.tsx";
import { LoadingMessage } from "../../components/LoadingMessage.tsx";
import { type Notice, NoticeAlert } from "../../components/notice.tsx";
import { PATHS } from "../../paths.ts";
import { canDo, useActiveSession } from "../../session.ts";
import { CreateUserForm } from "./CreateUserForm.tsx";
import { ManageUserPanel } from "./ManageUserPanel.tsx";
import { OneTimeSecret } from "./OneTimeSecret.tsx";
import { usersQueryKey } from "./users-query.ts";

type Panel =
  | { kind: "none" }
  | { kind: "create" }
  | { kind: "manage"; id: string }
  | { kind: "secret"; title: string; secret: string };

export default function UsersPage() {
  const session = useActiveSession();
  const [filters, setFilters] = useState<ListFilters>({});
  const [panel, setPanel] = useState<Panel>({ kind: "none" });
  const [notice, setNotice] = useState<Notice>();
  const panelRef = useRef<HTMLElement>(null);
  const users = useQuery({ queryKey: [...usersQueryKey, filters], queryFn: () => api.listUsers(filters) });
  const organisations = useQuery({
    queryKey: ["admin", "organisations", {}],
    queryFn: () => api.listOrganisations(),
    enabled: canDo(session, "organisation.list"),
  });

  useEffect(() => {
    if (panel.kind === "create" || panel.kind === "manage") panelRef.current?.querySelector<HTMLElement>("h2")?.focus();
  }, [panel]);

  const managed = panel.kind === "manage" ? users.data?.find((user) => user.id === panel.id) : undefined;
  const can = {
    update: canDo(session, "user.update"),
    resetPassword: canDo(session, "user.reset_password"),
    resetTotp: canDo(session, "user.reset_totp"),
  };

  return (
    <>
      <title>Comptes — Repère</title>
      <Breadcrumb currentPageLabel="Comptes" homeLinkProps={{ to: PATHS.home }} segments={[]} />
      <h1>Comptes</h1>
      <p>Les comptes des organisations de votre périmètre.</p>

      <NoticeAlert notice={notice} onClose={() => setNotice(undefined)} />

      {panel.kind === "secret" && (
        <OneTimeSecret title={panel.title} secret={panel.secret} onDone={() => setPanel({ kind: "none" })} />
      )}

      {canDo(session, "user.create") && panel.kind === "none" && (
        <Button iconId="fr-icon-user-add-line" className="fr-mb-3w" onClick={() => setPanel({ kind: "create" })}>
          Créer un compte
        </Button>
      )}

      {(panel.kind === "create" || (panel.kind === "manage" && managed)) && (
        <section ref={panelRef} className="fr-p-3w fr-mb-4w fr-background-alt--grey">
          {panel.kind === "create" && (
            <CreateUserForm
              organisations={organisations.data ?? []}
              onCreated={(user, temporaryPassword) =>
                setPanel({
                  kind: "secret",
                  title: `Compte créé pour ${user.displayName} : mot de passe provisoire`,
                  secret: temporaryPassword,
                })
              }
              onCancel={() => setPanel({ kind: "none" })}
            />
          )}
          {panel.kind === "manage" && managed && (
            <ManageUserPanel
              key={`${managed.id}-${managed.version}`}
              user={managed}
              organisation={organisations.data?.find((organisation) => organisation.id === managed.organisationId)}
              can={can}
              onNotice={setNotice}
              onTemporaryPassword={(secret) =>
                setPanel({ kind: "secret", title: `Nouveau mot de passe provisoire de ${managed.displayName}`, secret })
              }
              onClose={() => setPanel({ kind: "none" })}
            />
          )}
        </section>
      )}

      <ListFiltersForm
        legend="Filtrer les comptes"
        searchLabel="Nom ou adresse électronique"
        initial={filters}
        organisations={organisations.data}
        onApply={setFilters}
      />

      {users.error && (
        <Alert severity="error" small role="alert" description={users.error.message} className="fr-mb-3w" />
      )}
      {users.isPending ? (
        <LoadingMessage />
      ) : (
        <UsersTable
          users={users.data ?? []}
          canManage={can.update || can.resetPassword || can.resetTotp}
          onManage={(id) => {
            setNotice(undefined);
            setPanel({ kind: "manage", id });
          }}
        />
      )}
    </>
  );
}

function accountState(user: UserView) {
  if (!user.isActive) return <Badge small>Désactivé</Badge>;
  if (user.lockedUntil && new Date(user.lockedUntil) > new Date()) {
    return (
      <Badge severity="warning" small>
        Verrouillé jusqu'à {formatDateTimeLong(user.lockedUntil)}
      </Badge>
    );
  }
  return (
    <Badge severity="success" small>
      Actif
    </Badge>
  );
}

interface UsersTableProps {
  users: UserView[];
  canManage: boolean;
  onManage: (id: string) => void;
}

function UsersTable({ users, canManage, onManage }: UsersTableProps) {
  if (users.length === 0) return <p>Aucun compte ne correspond à ces critères.</p>;
  const headers = [
    "Nom",
    "Adresse électronique",
    "Organisation",
    "Rôles",
    "Double authentification",
    "État",
    "Dernière connexion",
    ...(canManage ? ["Actions"] : []),
  ];
  return (
    <Table
      caption={`${users.length} compte${users.length > 1 ? "s" : ""}`}
      headers={headers}
      data={users.map((user) => [
        user.displayName,
        user.email,
        user.organisationName,
        user.roles.map((role) => ROLE_LABELS[role]).join(", "),
        user.hasTotp ? "Activée" : "Non activée",
        accountState(user),
        user.lastLoginAt ? formatDateTime(user.lastLoginAt) : "Jamais",
        ...(canManage
          ? [
              <Button key="manage" size="small" priority="secondary" onClick={() => onManage(user.id)}>
                Gérer<span className="fr-sr-only"> le compte de {user.displayName}</span>
              </Button>,
            ]
          : []),
      ])}
    />
  );
}

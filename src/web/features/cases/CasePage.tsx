import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Tabs } from "@codegouvfr/react-dsfr/Tabs";
import {
  type CaseView,
  CLOSURE_REASON_LABELS,
  VICTIM_STATUS_DECIDER_LABELS,
  VICTIM_STATUS_LABELS,
} from "@shared/cases.ts";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useLocation, useNavigate, useParams, useSearchParams } from "react-router";
import { api } from "../../api.ts";
import { formatDateTimeLong } from "../../components/format-date.ts";
import { LoadingMessage } from "../../components/LoadingMessage.tsx";
import { type Notice, NoticeAlert } from "../../components/notice.tsx";
import { PATHS } from "../../paths.ts";
import { CasePathwayTab } from "../pathway/CasePathwayTab.tsx";
import { CaseIdentificationTab } from "./CaseIdentificationTab.tsx";
import { CaseProfileTab } from "./CaseProfileTab.tsx";
import { CaseSharesTab } from "./CaseSharesTab.tsx";
import { CaseStatusBadge } from "./CasesTable.tsx";
import { CaseTimelineTab } from "./CaseTimelineTab.tsx";
import type { CaseCreatedState } from "./CreateCasePage.tsx";
import { ACCESS_LABELS, formatIsoDate, organisationTypeLabel } from "./case-labels.tsx";
import { caseQueryKey } from "./cases-query.ts";

type TabId = "profile" | "identification" | "pathway" | "timeline" | "shares";

/** `?onglet=parcours` opens the case on its pathway, as the inbox links do. */
const TAB_PARAM = "onglet";
const TAB_PARAMS: Record<string, TabId> = {
  profil: "profile",
  reperage: "identification",
  parcours: "pathway",
  chronologie: "timeline",
  partages: "shares",
};
const tabOfParam = (value: string | null): TabId => (value ? (TAB_PARAMS[value] ?? "profile") : "profile");

function tabsFor(caseFile: CaseView): { tabId: TabId; label: string }[] {
  const tabs: { tabId: TabId; label: string }[] = [{ tabId: "profile", label: "Profil" }];
  if (caseFile.can.includes("case.read_actions")) tabs.push({ tabId: "identification", label: "Repérage" });
  if (caseFile.can.includes("pathway.read")) tabs.push({ tabId: "pathway", label: "Parcours" });
  if (caseFile.can.includes("case.read_timeline")) tabs.push({ tabId: "timeline", label: "Chronologie" });
  if (caseFile.can.includes("case.list_shares")) tabs.push({ tabId: "shares", label: "Partages" });
  return tabs;
}

export default function CasePage() {
  const { id = "" } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const created = (location.state as CaseCreatedState | null)?.created;
  const [notice, setNotice] = useState<Notice>();
  const [searchParams] = useSearchParams();
  const [tab, setTab] = useState<TabId>(() => tabOfParam(searchParams.get(TAB_PARAM)));
  const caseQuery = useQuery({ queryKey: caseQueryKey(id), queryFn: () => api.getCase(id) });
  const caseFile = caseQuery.data;

  if (caseQuery.isPending) return <LoadingMessage />;
  if (!caseFile) {
    return (
      <>
        <title>Dossier introuvable — Repère</title>
        <Breadcrumb
          currentPageLabel="Dossier"
          homeLinkProps={{ to: PATHS.home }}
          segments={[{ label: "Dossiers", linkProps: { to: PATHS.cases } }]}
        />
        <h1>Dossier introuvable</h1>
        <Alert
          severity="error"
          small
          role="alert"
          description={caseQuery.error?.message ?? "Ce dossier n'existe pas ou ne vous est pas accessible."}
        />
      </>
    );
  }

  const tabs = tabsFor(caseFile);
  const selected = tabs.some((candidate) => candidate.tabId === tab) ? tab : "profile";

  return (
    <>
      <title>{`Dossier ${caseFile.number} — Repère`}</title>
      <Breadcrumb
        currentPageLabel={`Dossier ${caseFile.number}`}
        homeLinkProps={{ to: PATHS.home }}
        segments={[{ label: "Dossiers", linkProps: { to: PATHS.cases } }]}
      />
      {created && <CreatedNotice number={created.number} linkProposalCount={created.linkProposalCount} />}
      <NoticeAlert notice={notice} onClose={() => setNotice(undefined)} />
      <CaseHeader caseFile={caseFile} />
      <Tabs
        label={`Rubriques du dossier ${caseFile.number}`}
        tabs={tabs}
        selectedTabId={selected}
        onTabChange={(tabId) => setTab(tabId as TabId)}
      >
        {selected === "profile" && (
          <CaseProfileTab
            caseFile={caseFile}
            onNotice={setNotice}
            onLostAccess={() => navigate(PATHS.cases, { replace: true })}
          />
        )}
        {selected === "identification" && <CaseIdentificationTab caseFile={caseFile} />}
        {selected === "pathway" && <CasePathwayTab caseFile={caseFile} onNotice={setNotice} />}
        {selected === "timeline" && <CaseTimelineTab caseFile={caseFile} />}
        {selected === "shares" && <CaseSharesTab caseFile={caseFile} />}
      </Tabs>
    </>
  );
}

function CreatedNotice({ number, linkProposalCount }: { number: string; linkProposalCount: number }) {
  return (
    <Alert
      severity={linkProposalCount > 0 ? "warning" : "success"}
      role={linkProposalCount > 0 ? "alert" : "status"}
      className="fr-mb-3w"
      title={`Dossier ${number} créé`}
      description={
        linkProposalCount > 0
          ? "Un dossier tenu par une autre organisation concerne probablement la même personne. Les deux organisations seront invitées à confirmer ou à écarter ce rapprochement, dans « Doublons probables »."
          : "Vous pouvez compléter le profil, ajouter des notes ou partager le dossier."
      }
    />
  );
}

function HeaderItem({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="fr-col-12 fr-col-sm-6 fr-col-lg-3">
      <dt className="fr-text--sm fr-mb-0">{term}</dt>
      <dd className="fr-text--bold fr-m-0">{children}</dd>
    </div>
  );
}

function CaseHeader({ caseFile }: { caseFile: CaseView }) {
  const victimStatus = caseFile.victimStatus;
  return (
    <div className="fr-mb-4w">
      <h1 className="fr-mb-1w">Dossier {caseFile.number}</h1>
      <p className="fr-mb-2w">
        <CaseStatusBadge status={caseFile.status} />{" "}
        {caseFile.access !== "full" && (
          <Badge as="span" small severity={caseFile.access === "emergency" ? "warning" : "new"}>
            {ACCESS_LABELS[caseFile.access]}
          </Badge>
        )}
      </p>
      {caseFile.access === "emergency" && (
        <Alert
          severity="warning"
          small
          className="fr-mb-2w"
          description="Vous consultez ce dossier par un accès d'urgence, en lecture seule. Chaque consultation est enregistrée et sera examinée par les responsables de l'organisation qui le tient."
        />
      )}
      {caseFile.access === "shared" && (
        <p className="fr-hint-text">Ce dossier vous est partagé : vous ne voyez que les rubriques partagées.</p>
      )}
      {caseFile.status === "closed" && caseFile.closureReason && (
        <p>
          Clos le {caseFile.closedAt ? formatDateTimeLong(caseFile.closedAt) : "—"} :{" "}
          {CLOSURE_REASON_LABELS[caseFile.closureReason].toLowerCase()}.
        </p>
      )}
      <dl className="fr-grid-row fr-grid-row--gutters">
        <HeaderItem term="Organisation">
          {caseFile.ownerOrganisation.name}{" "}
          <span className="fr-text--regular">({organisationTypeLabel(caseFile.ownerOrganisation.type)})</span>
        </HeaderItem>
        <HeaderItem term="Référent·e">{caseFile.assignedUser?.displayName ?? "Non désigné·e"}</HeaderItem>
        <HeaderItem term="Statut de victime">
          {victimStatus
            ? `${VICTIM_STATUS_LABELS[victimStatus.status]} (${VICTIM_STATUS_DECIDER_LABELS[victimStatus.decidedBy].toLowerCase()}, ${formatIsoDate(victimStatus.decidedOn)})`
            : "Non renseigné"}
        </HeaderItem>
        <HeaderItem term="Département">{caseFile.departmentCode}</HeaderItem>
      </dl>
    </div>
  );
}

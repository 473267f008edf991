import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Select } from "@codegouvfr/react-dsfr/Select";
import type { SessionView } from "@shared/auth.ts";
import { departmentLabel, isDepartmentCode } from "@shared/departments.ts";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { pathwayApi } from "../../api.ts";
import { DepartmentOptions } from "../../components/DepartmentOptions.tsx";
import { LoadingMessage } from "../../components/LoadingMessage.tsx";
import { type Notice, NoticeAlert } from "../../components/notice.tsx";
import { PATHS } from "../../paths.ts";
import { canDo, useActiveSession } from "../../session.ts";
import { DeadlineOverridesForm } from "./DeadlineOverridesForm.tsx";
import { DeadlineRulesTable } from "./DeadlineRulesTable.tsx";
import { deadlineRulesQueryKey } from "./deadline-rule-text.ts";

const DEPARTMENT_PARAM = "departement";

/** The département an admin administers, else the one of the user's organisation; none for a national user. */
function ownDepartment(session: SessionView): string | undefined {
  return session.user.adminDepartmentCode ?? session.user.organisation.departmentCode ?? undefined;
}

// Mirrors the server's admin scope so the form shows only where saving can succeed; the server decides.
function mayAdjust(session: SessionView, departmentCode: string): boolean {
  const { adminDepartmentCode } = session.user;
  return (
    canDo(session, "pathway.set_deadline_overrides") &&
    (adminDepartmentCode === null || adminDepartmentCode === departmentCode)
  );
}

function DepartmentPicker({ value, onPick }: { value: string | undefined; onPick: (code: string) => void }) {
  const [code, setCode] = useState(value ?? "");
  const [isMissing, setIsMissing] = useState(false);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setIsMissing(code === "");
    if (code !== "") onPick(code);
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="fr-mb-4w">
      <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div className="fr-col-12 fr-col-md-6">
          <Select
            label="Département"
            state={isMissing ? "error" : "default"}
            stateRelatedMessage={isMissing ? "Choisissez un département." : undefined}
            nativeSelectProps={{
              name: DEPARTMENT_PARAM,
              value: code,
              onChange: (event) => setCode(event.target.value),
              "aria-invalid": isMissing,
            }}
          >
            <option value="" disabled>
              Choisir un département
            </option>
            <DepartmentOptions />
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-3 fr-mb-3w">
          <Button type="submit" priority="secondary">
            Afficher
          </Button>
        </div>
      </div>
    </form>
  );
}

export default function DeadlineRulesPage() {
  const session = useActiveSession();
  const [search, setSearch] = useSearchParams();
  const requested = search.get(DEPARTMENT_PARAM);
  const departmentCode = requested !== null && isDepartmentCode(requested) ? requested : ownDepartment(session);
  const canAdjust = departmentCode !== undefined && mayAdjust(session, departmentCode);
  const [isEditing, setIsEditing] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const panelRef = useRef<HTMLElement>(null);

  const rules = useQuery({
    queryKey: deadlineRulesQueryKey(departmentCode ?? ""),
    queryFn: () => pathwayApi.getDeadlineRules(departmentCode ?? ""),
    enabled: departmentCode !== undefined,
  });

  useEffect(() => {
    if (isEditing) panelRef.current?.querySelector<HTMLElement>("h2")?.focus();
  }, [isEditing]);

  function pick(code: string) {
    setIsEditing(false);
    setNotice(undefined);
    setSearch({ [DEPARTMENT_PARAM]: code });
  }

  return (
    <>
      <title>Échéances du parcours de protection — Repère</title>
      <Breadcrumb
        currentPageLabel="Échéances du parcours de protection"
        homeLinkProps={{ to: PATHS.home }}
        segments={[]}
      />
      <h1>Échéances du parcours de protection</h1>
      <p>
        Les délais que Repère suit pour chaque étape du parcours, tels qu'ils s'appliquent dans un département : ceux
        fixés par un texte, que le département peut seulement abréger, et ceux fixés par Repère, qu'il peut adapter.
      </p>

      <DepartmentPicker key={departmentCode} value={departmentCode} onPick={pick} />

      <NoticeAlert notice={notice} onClose={() => setNotice(undefined)} />

      {departmentCode === undefined ? (
        <p>Choisissez un département pour afficher ses échéances.</p>
      ) : rules.error ? (
        <Alert severity="error" small role="alert" description={rules.error.message} className="fr-mb-3w" />
      ) : !rules.data ? (
        <LoadingMessage />
      ) : (
        <>
          {canAdjust && !isEditing && (
            <Button
              iconId="fr-icon-edit-line"
              className="fr-mb-3w"
              onClick={() => {
                setNotice(undefined);
                setIsEditing(true);
              }}
            >
              Ajuster les échéances de ce département
            </Button>
          )}
          {canAdjust && isEditing && (
            <section ref={panelRef} className="fr-p-3w fr-mb-4w fr-background-alt--grey">
              <DeadlineOverridesForm
                view={rules.data}
                onSaved={(saved) => {
                  setIsEditing(false);
                  setNotice({
                    severity: "success",
                    text: `Les échéances de ${departmentLabel(saved.departmentCode)} ont été enregistrées. Elles s'appliquent aux échéances qui commencent à partir de maintenant ; celles en cours gardent leur délai.`,
                  });
                }}
                onCancel={() => setIsEditing(false)}
              />
            </section>
          )}
          <DeadlineRulesTable view={rules.data} />
        </>
      )}
    </>
  );
}

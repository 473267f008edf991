import { Button } from "@codegouvfr/react-dsfr/Button";
import { Select } from "@codegouvfr/react-dsfr/Select";
import type { CaseView } from "@shared/cases.ts";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api, directoryApi } from "../../api.ts";
import type { Notice } from "../../components/notice.tsx";
import { useActiveSession } from "../../session.ts";
import { ConflictReload } from "./ConflictReload.tsx";
import { useCaseChange, useReloadCase } from "./use-case-change.ts";

interface AssignActionsProps {
  caseFile: CaseView;
  onNotice: (notice: Notice) => void;
}

/** Names the case's referent among the ASE referents and managers the server accepts, or releases it. */
export function AssignActions({ caseFile, onNotice }: AssignActionsProps) {
  const session = useActiveSession();
  const reload = useReloadCase(caseFile.id);
  const [chosen, setChosen] = useState("");
  const isAssignable = caseFile.can.includes("case.assign") && caseFile.status === "open";
  const assignees = useQuery({
    queryKey: ["cases", caseFile.id, "assignees"],
    queryFn: () => directoryApi.listCaseAssignees(caseFile.id),
    enabled: isAssignable,
  });
  const { mutation, errors, isConflict } = useCaseChange(
    caseFile.id,
    (userId: string | null) => api.assignCase(caseFile.id, { version: caseFile.version, userId }),
    (updated) => {
      setChosen("");
      onNotice({
        severity: "success",
        text: updated.assignedUser
          ? `${updated.assignedUser.displayName} est désormais référent·e du dossier.`
          : "Le dossier n'a plus de référent·e désigné·e.",
      });
    },
  );
  if (!isAssignable) return null;
  const isAssignedToMe = caseFile.assignedUser?.id === session.user.id;
  const mayBeMe = assignees.data?.some((a) => a.id === session.user.id) ?? false;
  const others = (assignees.data ?? []).filter((a) => a.id !== caseFile.assignedUser?.id);
  const choiceError = errors.fields.userId;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (chosen) mutation.mutate(chosen);
  }

  return (
    <div className="fr-mb-2w">
      {errors.title && !choiceError && (
        <p className="fr-error-text" role="alert">
          {errors.title}
        </p>
      )}
      {isConflict && <ConflictReload onReload={reload} />}
      {others.length > 0 && (
        <form onSubmit={handleSubmit} className="fr-mb-1w">
          <Select
            label="Référent·e à désigner"
            hint="Référents et responsables ASE de l'organisation du dossier, puis des autres services ASE du département."
            {...(choiceError ? { state: "error" as const, stateRelatedMessage: choiceError } : {})}
            nativeSelectProps={{
              name: "userId",
              value: chosen,
              onChange: (event) => setChosen(event.target.value),
              "aria-invalid": choiceError !== undefined,
            }}
          >
            <option value="" disabled>
              Choisir une personne
            </option>
            {others.map((assignee) => (
              <option key={assignee.id} value={assignee.id}>
                {`${assignee.displayName} — ${assignee.organisationName}`}
              </option>
            ))}
          </Select>
          <Button type="submit" size="small" disabled={!chosen || mutation.isPending}>
            Désigner
          </Button>
        </form>
      )}
      {assignees.isError && <p className="fr-text--sm">La liste des référents est indisponible pour le moment.</p>}
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm fr-btns-group--icon-left">
        {!isAssignedToMe && mayBeMe && (
          <li>
            <Button
              priority="secondary"
              iconId="fr-icon-user-line"
              onClick={() => mutation.mutate(session.user.id)}
              disabled={mutation.isPending}
            >
              Me désigner référent·e
            </Button>
          </li>
        )}
        {caseFile.assignedUser && (
          <li>
            <Button priority="tertiary" onClick={() => mutation.mutate(null)} disabled={mutation.isPending}>
              Retirer le ou la référent·e
            </Button>
          </li>
        )}
      </ul>
    </div>
  );
}

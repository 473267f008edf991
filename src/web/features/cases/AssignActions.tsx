import { Button } from "@codegouvfr/react-dsfr/Button";
import type { CaseView } from "@shared/cases.ts";
import { api } from "../../api.ts";
import type { Notice } from "../../components/notice.tsx";
import { useActiveSession } from "../../session.ts";
import { ConflictReload } from "./ConflictReload.tsx";
import { useCaseChange, useReloadCase } from "./use-case-change.ts";

interface AssignActionsProps {
  caseFile: CaseView;
  onNotice: (notice: Notice) => void;
}

/**
 * Repère has no directory of colleagues for case workers yet, so one can take the case or release it; naming
 * another referent waits for an API listing the ASE referents of the owning service.
 */
export function AssignActions({ caseFile, onNotice }: AssignActionsProps) {
  const session = useActiveSession();
  const reload = useReloadCase(caseFile.id);
  const { mutation, errors, isConflict } = useCaseChange(
    caseFile.id,
    (userId: string | null) => api.assignCase(caseFile.id, { version: caseFile.version, userId }),
    (updated) =>
      onNotice({
        severity: "success",
        text: updated.assignedUser
          ? `${updated.assignedUser.displayName} est désormais référent·e du dossier.`
          : "Le dossier n'a plus de référent·e désigné·e.",
      }),
  );
  if (!caseFile.can.includes("case.assign") || caseFile.status !== "open") return null;
  const isAssignedToMe = caseFile.assignedUser?.id === session.user.id;

  return (
    <div className="fr-mb-2w">
      {errors.title && (
        <p className="fr-error-text" role="alert">
          {errors.fields.userId ?? errors.title}
        </p>
      )}
      {isConflict && <ConflictReload onReload={reload} />}
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm fr-btns-group--icon-left">
        {!isAssignedToMe && (
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

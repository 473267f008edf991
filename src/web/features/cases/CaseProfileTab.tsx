import { Button } from "@codegouvfr/react-dsfr/Button";
import type { CaseView } from "@shared/cases.ts";
import { useEffect, useRef, useState } from "react";
import type { Notice } from "../../components/notice.tsx";
import { AssignActions } from "./AssignActions.tsx";
import { CaseProfileSummary } from "./CaseProfileSummary.tsx";
import { CaseStatusActions } from "./CaseStatusActions.tsx";
import { IdentityPanel } from "./IdentityPanel.tsx";
import { ProfileEditForm } from "./ProfileEditForm.tsx";
import { SubjectAccessDownload } from "./SubjectAccessDownload.tsx";
import { TransferForm } from "./TransferForm.tsx";
import { VictimStatusSection } from "./VictimStatusForm.tsx";

interface CaseProfileTabProps {
  caseFile: CaseView;
  onNotice: (notice: Notice) => void;
  onLostAccess: () => void;
}

export function CaseProfileTab({ caseFile, onNotice, onLostAccess }: CaseProfileTabProps) {
  const [isEditing, setIsEditing] = useState(false);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const wasEditing = useRef(false);
  const { profile } = caseFile;
  const canEdit = caseFile.can.includes("case.update") && caseFile.status === "open" && profile !== null;
  const can = (action: CaseView["can"][number]) => caseFile.can.includes(action);
  const hasFollowUp =
    can("case.close") || can("case.reopen") || can("case.assign") || can("case.transfer") || can("case.export_subject");

  useEffect(() => {
    // Opening the form focuses its title; closing it returns to the button that opened it.
    if (isEditing) sectionRef.current?.querySelector<HTMLElement>("#profile-edit-title")?.focus();
    else if (wasEditing.current) editButtonRef.current?.focus();
    wasEditing.current = isEditing;
  }, [isEditing]);

  return (
    <>
      {caseFile.sections.includes("identity") && (
        <section aria-labelledby="identity-section-title">
          <h2 id="identity-section-title" className="fr-h4">
            Identité
          </h2>
          <IdentityPanel caseFile={caseFile} />
        </section>
      )}

      <section ref={sectionRef} aria-labelledby="profile-section-title" className="fr-mb-4w">
        <h2 id="profile-section-title" className="fr-h4">
          Profil
        </h2>
        {profile === null ? (
          <p>Le profil ne fait pas partie de ce qui vous est partagé.</p>
        ) : isEditing && canEdit ? (
          <ProfileEditForm
            caseFile={{ ...caseFile, profile }}
            onSaved={() => {
              setIsEditing(false);
              onNotice({ severity: "success", text: "Le profil a été enregistré." });
            }}
            onCancel={() => setIsEditing(false)}
          />
        ) : (
          <>
            <CaseProfileSummary profile={profile} />
            {canEdit && (
              <Button
                ref={editButtonRef}
                priority="secondary"
                iconId="fr-icon-edit-line"
                onClick={() => setIsEditing(true)}
              >
                Modifier le profil
              </Button>
            )}
          </>
        )}
      </section>

      {profile !== null && <VictimStatusSection caseFile={caseFile} onNotice={onNotice} />}

      {hasFollowUp && (
        <section aria-labelledby="follow-up-title" className="fr-mb-4w">
          <h2 id="follow-up-title" className="fr-h4">
            Suivi du dossier
          </h2>
          {can("case.assign") && (
            <p className="fr-hint-text">
              Repère ne propose pas encore la liste des référents ASE : vous pouvez vous désigner vous-même ou retirer
              la désignation actuelle.
            </p>
          )}
          <AssignActions caseFile={caseFile} onNotice={onNotice} />
          <div className="fr-mb-2w">
            <CaseStatusActions caseFile={caseFile} onNotice={onNotice} />
          </div>
          <div className="fr-mb-2w">
            <TransferForm caseFile={caseFile} onNotice={onNotice} onLostAccess={onLostAccess} />
          </div>
          <SubjectAccessDownload caseId={caseFile.id} caseNumber={caseFile.number} can={caseFile.can} />
        </section>
      )}
    </>
  );
}

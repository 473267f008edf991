import { Button } from "@codegouvfr/react-dsfr/Button";
import { AGE_ESTIMATION_METHOD_LABELS, type CaseView, type IdentityView } from "@shared/cases.ts";
import { useMutation } from "@tanstack/react-query";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { api } from "../../api.ts";
import { formatIsoDate } from "./case-labels.tsx";
import { IdentityEditForm } from "./IdentityEditForm.tsx";

interface IdentityPanelProps {
  caseFile: CaseView;
}

/**
 * The identity stays hidden until asked for: each reveal is a separate, audited request, and the panel says so.
 * Nothing is kept in the query cache, so leaving the page forgets it.
 */
export function IdentityPanel({ caseFile }: IdentityPanelProps) {
  const [identity, setIdentity] = useState<IdentityView>();
  const [isEditing, setIsEditing] = useState(false);
  const panelRef = useRef<HTMLElement>(null);
  const canReveal = caseFile.can.includes("case.reveal_identity");
  const canEdit = caseFile.can.includes("case.update_identity") && caseFile.status === "open";

  const reveal = useMutation({
    mutationFn: () => api.revealCaseIdentity(caseFile.id),
    onSuccess: setIdentity,
  });

  useEffect(() => {
    if (identity && !isEditing) panelRef.current?.focus();
  }, [identity, isEditing]);

  if (!canReveal) return null;
  if (!caseFile.hasIdentity) {
    return (
      <p className="fr-hint-text">
        {caseFile.anonymisedAt
          ? "Ce dossier a été anonymisé : l'identité a été effacée."
          : "Aucune identité enregistrée."}
      </p>
    );
  }

  if (!identity) {
    return (
      <div className="fr-mb-4w">
        <p className="fr-hint-text">
          L'identité n'est pas affichée par défaut. Sa consultation est enregistrée dans le journal d'audit, à votre
          nom.
        </p>
        {reveal.error && (
          <p className="fr-error-text" role="alert">
            {reveal.error.message}
          </p>
        )}
        <Button
          priority="secondary"
          iconId="fr-icon-eye-line"
          onClick={() => reveal.mutate()}
          disabled={reveal.isPending}
        >
          Afficher l'identité
        </Button>
      </div>
    );
  }

  if (isEditing) {
    return (
      <IdentityEditForm
        caseFile={caseFile}
        identity={identity}
        onSaved={(saved) => {
          setIdentity(saved);
          setIsEditing(false);
        }}
        onCancel={() => setIsEditing(false)}
      />
    );
  }

  return (
    <section
      ref={panelRef}
      tabIndex={-1}
      className="fr-callout fr-callout--orange-terre-battue fr-mb-4w"
      aria-labelledby="identity-title"
    >
      <h3 id="identity-title" className="fr-callout__title fr-h5">
        Identité consultée
      </h3>
      <p className="fr-text--sm fr-mb-2w">
        <span className="fr-icon-information-line fr-icon--sm" aria-hidden="true" /> Consultation enregistrée dans le
        journal d'audit. Ne recopiez pas ces informations hors de Repère.
      </p>
      <dl className="fr-mb-2w">
        <IdentityRow term="Nom">{identity.surname}</IdentityRow>
        <IdentityRow term="Prénoms">{identity.firstNames || "—"}</IdentityRow>
        <IdentityRow term="Autres noms">{identity.aliases.join(", ") || "—"}</IdentityRow>
        <IdentityRow term="Naissance">
          {identity.birthDate
            ? `Née ou né le ${formatIsoDate(identity.birthDate)}`
            : identity.ageEstimate
              ? `Âge estimé à ${identity.ageEstimate.age} ans le ${formatIsoDate(identity.ageEstimate.estimatedOn)} (${AGE_ESTIMATION_METHOD_LABELS[identity.ageEstimate.method].toLowerCase()})`
              : "Inconnue"}
        </IdentityRow>
        <IdentityRow term="Téléphones">{identity.phones.join(", ") || "—"}</IdentityRow>
        <IdentityRow term="Adresse du lieu de placement">{identity.placementAddress || "—"}</IdentityRow>
      </dl>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm fr-btns-group--icon-left">
        {canEdit && (
          <li>
            <Button priority="secondary" iconId="fr-icon-edit-line" onClick={() => setIsEditing(true)}>
              Modifier l'identité
            </Button>
          </li>
        )}
        <li>
          <Button priority="tertiary" iconId="fr-icon-eye-off-line" onClick={() => setIdentity(undefined)}>
            Masquer l'identité
          </Button>
        </li>
      </ul>
    </section>
  );
}

function IdentityRow({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="fr-grid-row">
      <dt className="fr-col-12 fr-col-md-4 fr-text--bold">{term}</dt>
      <dd className="fr-col-12 fr-col-md-8 fr-m-0">{children}</dd>
    </div>
  );
}

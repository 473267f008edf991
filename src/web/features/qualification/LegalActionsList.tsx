import { Badge } from "@codegouvfr/react-dsfr/Badge";
import type { LegalAction } from "@shared/qualification/legal-actions.ts";

interface LegalActionsListProps {
  actions: readonly LegalAction[];
  /** Level of the list's heading, so it fits the page's outline. */
  headingLevel: "h2" | "h3";
  /** Said when no action is due, which is itself an answer the user needs. */
  emptyText: string;
}

const DEADLINE_SEVERITY: Partial<Record<LegalAction["deadline"]["kind"], "error" | "warning">> = {
  immediately: "error",
  same_day: "error",
  hours: "warning",
};

/** The actions a qualification or a screening calls for, most urgent first as the catalogue orders them. */
export function LegalActionsList({ actions, headingLevel: Heading, emptyText }: LegalActionsListProps) {
  return (
    <section className="fr-mt-4w">
      <Heading>Actions requises</Heading>
      {actions.length === 0 ? (
        <p>{emptyText}</p>
      ) : (
        <ul className="fr-raw-list">
          {actions.map((action) => (
            <li key={action.code} className="fr-p-2w fr-mb-2w fr-background-alt--grey">
              <p className="fr-mb-1w">
                <Badge
                  as="span"
                  severity={DEADLINE_SEVERITY[action.deadline.kind] ?? "info"}
                  small
                  noIcon
                  className="fr-mr-1w"
                >
                  {action.deadlineText}
                </Badge>
                <Badge as="span" small noIcon className="fr-mr-1w">
                  {action.basisKind === "law" ? "Obligation légale" : "Pratique Repère"}
                </Badge>
                {action.requiresConsent && (
                  <Badge as="span" small noIcon>
                    Avec l'accord de la personne
                  </Badge>
                )}
              </p>
              <p className="fr-text--bold fr-mb-1w">{action.label}</p>
              <p className="fr-text--sm fr-mb-1w">Fondement : {action.legalBasis}</p>
              <p className="fr-text--sm fr-mb-0">
                {action.reasons.length > 1 ? "Motifs : " : "Motif : "}
                {action.reasons.join(" ")}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

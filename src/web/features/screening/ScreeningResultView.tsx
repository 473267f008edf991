import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Table } from "@codegouvfr/react-dsfr/Table";
import type { DomainFamily } from "@shared/screening/grid-definition.ts";
import type { DomainResult, ScreeningResult } from "@shared/screening/score-screening.ts";
import { SCREENING_LEVEL_LABELS, type ScreeningLevel, SOURCE_TYPE_LABELS } from "@shared/screening/screening-levels.ts";
import { forwardRef } from "react";
import { formatIsoDate } from "../qualification/format-iso-date.ts";

export const LEVEL_SEVERITY: Record<ScreeningLevel, "info" | "warning" | "error"> = {
  none: "info",
  possible: "warning",
  clear: "error",
};

export const FAMILY_LABELS: Record<DomainFamily, string> = {
  risk: "Contexte et vulnérabilité",
  control: "Signes de contrôle",
  exploitation: "Signes d'exploitation",
};

function RatingBadge({ domain }: { domain: DomainResult }) {
  if (!domain.assessed)
    return (
      <Badge as="span" small>
        Non évalué
      </Badge>
    );
  const severity = domain.rating === 2 ? "error" : domain.rating === 1 ? "warning" : undefined;
  return (
    <Badge as="span" small noIcon severity={severity}>
      {`Coté ${domain.rating}`}
    </Badge>
  );
}

function DriversCell({ domain }: { domain: DomainResult }) {
  return (
    <>
      {domain.drivers.length > 0 && (
        <ul className="fr-mb-1w">
          {domain.drivers.map((driver) => (
            <li key={driver.itemId}>
              <strong>{driver.itemId}</strong> ({`coté ${driver.value}`}
              {driver.sourceType ? ` ; ${SOURCE_TYPE_LABELS[driver.sourceType]}` : ""}
              {driver.date ? ` ; ${formatIsoDate(driver.date)}` : ""}) : {driver.label}
            </li>
          ))}
        </ul>
      )}
      <span className="fr-text--sm">{domain.explanation}</span>
    </>
  );
}

/** The level and everything that explains it, so the professional can check the grid's reasoning. */
export const ScreeningResultView = forwardRef<HTMLHeadingElement, { result: ScreeningResult }>(
  function ScreeningResultView({ result }, headingRef) {
    const overrideText = result.override
      ? ` Niveau calculé par la grille : ${SCREENING_LEVEL_LABELS[result.override.from]}. Niveau retenu par le professionnel, motif : « ${result.override.reason} ».`
      : "";
    return (
      <section aria-labelledby="resultat-reperage" className="fr-mt-6w">
        <h2 id="resultat-reperage" ref={headingRef} tabIndex={-1}>
          Résultat du repérage
        </h2>
        <Alert
          severity={LEVEL_SEVERITY[result.level]}
          title={result.levelLabel}
          description={`Un niveau de préoccupation, jamais un constat de victime ou non.${overrideText}`}
          className="fr-mb-3w"
        />
        {result.sameDayActionRequired && (
          <Alert
            severity="error"
            title="Action le jour même"
            description="Un signal d'alerte est coché. En cas de danger immédiat, appelez le 17 ou le 112 et, pour un mineur, le procureur de la République de permanence."
            className="fr-mb-3w"
          />
        )}

        <h3>Pourquoi ce niveau</h3>
        <ul>
          {result.levelReasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>

        {result.severityModifiers.length > 0 && (
          <>
            <h3>Facteurs de gravité</h3>
            <p className="fr-text--sm">Ils accompagnent le niveau sans le modifier.</p>
            <ul>
              {result.severityModifiers.map((modifier) => (
                <li key={modifier.code}>{modifier.label}</li>
              ))}
            </ul>
          </>
        )}

        {result.warnings.length > 0 && (
          <Alert
            severity="warning"
            small
            description={
              <ul className="fr-mb-0">
                {result.warnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
            }
            className="fr-mb-3w"
          />
        )}

        <h3>Cotation par domaine</h3>
        <Table
          caption={`Domaines de la grille ${result.gridVersion}`}
          noCaption
          headers={["Domaine", "Famille", "Cotation", "Éléments déterminants"]}
          data={result.domains.map((domain) => [
            `${domain.code}. ${domain.label}`,
            FAMILY_LABELS[domain.family],
            <RatingBadge key="rating" domain={domain} />,
            <DriversCell key="drivers" domain={domain} />,
          ])}
        />
        {result.unknownItemIds.length > 0 && (
          <p className="fr-text--sm">
            Informations inconnues ou non renseignées ({result.unknownItemIds.length}) :{" "}
            {result.unknownItemIds.join(", ")}. Elles comptent comme 0 : compléter la grille quand l'information est
            connue.
          </p>
        )}
      </section>
    );
  },
);

import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import type { QualificationResult } from "@shared/qualification/qualification-result.ts";
import { describePenalty } from "@shared/qualification/qualify.ts";
import { ELEMENT_LABELS } from "@shared/qualification/vocabulary.ts";
import { forwardRef } from "react";
import { formatIsoDate } from "./format-iso-date.ts";
import { LegalActionsList } from "./LegalActionsList.tsx";

function penaltyText(result: QualificationResult): string | null {
  const { article, articleLabel, maxPrisonYears, maxFineEuros, offenceClass } = result;
  if (article === null || maxPrisonYears === null || maxFineEuros === null || offenceClass === null) return null;
  return describePenalty({ article, label: articleLabel ?? "", maxPrisonYears, maxFineEuros, offenceClass });
}

function verdictDescription(result: QualificationResult): string {
  if (result.trafficking) {
    const minorText = result.treatedAsMinor ? " Victime mineure ou présumée mineure : aucun moyen n'était requis." : "";
    return `Les éléments de la traite des êtres humains sont réunis.${minorText} Cette qualification est indicative : elle appartient au procureur de la République et au juge.`;
  }
  const missing = result.missing.map((element) => ELEMENT_LABELS[element]).join(", ");
  return `Élément(s) manquant(s) : ${missing}. Les faits peuvent relever d'autres infractions (voir ci-dessous) et la qualification peut évoluer avec de nouveaux éléments.`;
}

function ruleName(rule: string): string {
  if (rule === "rule_set") return "Règles applicables";
  return /^L\d$/.test(rule) ? `Règle ${rule}` : `Art. ${rule}`;
}

/** The engine's answer: verdict first, then the text and penalty, related offences, reasoning and actions. */
export const QualificationResultView = forwardRef<HTMLHeadingElement, { result: QualificationResult }>(
  function QualificationResultView({ result }, headingRef) {
    const penalty = penaltyText(result);
    return (
      <section className="fr-mt-6w" aria-labelledby="resultat-qualification">
        <h2 id="resultat-qualification" ref={headingRef} tabIndex={-1}>
          Résultat de la qualification
        </h2>
        <Alert
          severity={result.trafficking ? "warning" : "info"}
          title={
            result.trafficking
              ? `Traite des êtres humains présumée — article ${result.article} du Code pénal`
              : "Traite des êtres humains non établie à ce stade"
          }
          description={verdictDescription(result)}
          className="fr-mb-3w"
        />
        {!result.ruleSet.coversFactsDate && (
          <Alert
            severity="warning"
            small
            description="Les faits sont antérieurs aux règles modélisées : faites vérifier cette qualification par un juriste."
            className="fr-mb-3w"
          />
        )}

        {result.article !== null && (
          <>
            <h3>Texte applicable</h3>
            <dl>
              <dt className="fr-text--bold">Article</dt>
              <dd>
                {result.article} du Code pénal — {result.articleLabel}
                {result.offenceClass === "crime" ? " (crime)" : " (délit)"}
              </dd>
              <dt className="fr-text--bold">Peine maximale encourue</dt>
              <dd>{penalty}</dd>
            </dl>
            {result.aggravations.length > 1 && (
              <p>
                Autres textes aggravés dont les conditions sont réunies : {result.aggravations.slice(1).join(", ")}.
              </p>
            )}
          </>
        )}

        <h3>Infractions voisines à examiner</h3>
        {result.relatedOffenceDetails.length === 0 ? (
          <p>Aucune infraction voisine ne ressort des faits renseignés.</p>
        ) : (
          <ul>
            {result.relatedOffenceDetails.map((offence) => (
              <li key={offence.article}>
                <strong>Article {offence.article}</strong> — {offence.label}. Faits retenus :{" "}
                {offence.reasons.join(", ")}.
              </li>
            ))}
          </ul>
        )}

        <h3>Raisonnement</h3>
        <p className="fr-text--sm">
          Règles : {result.ruleSet.label} (en vigueur le {formatIsoDate(result.ruleSet.validFrom)}). Date des faits
          retenue : {formatIsoDate(result.facts.factsDate)}.
        </p>
        <ol>
          {result.findings.map((finding, index) => (
            // Two findings may share a rule and even a text prefix: their position is their identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole for each result.
            <li key={index} className="fr-mb-1w">
              <Badge as="span" small noIcon className="fr-mr-1w">
                {ruleName(finding.rule)}
              </Badge>
              {finding.text}
            </li>
          ))}
        </ol>

        <LegalActionsList
          actions={result.actions}
          headingLevel="h3"
          emptyText="La qualification seule n'appelle aucune action particulière ; le repérage et la situation de la personne peuvent en ajouter."
        />
      </section>
    );
  },
);

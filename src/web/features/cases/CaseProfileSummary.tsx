import {
  AGE_ASSESSMENT_STATUS_LABELS,
  AGE_BAND_LABELS,
  AGE_ESTIMATION_METHOD_LABELS,
  ASE_LEGAL_BASIS_LABELS,
  ASE_PLACEMENT_TYPE_LABELS,
  CARE_LEAVER_STATUS_LABELS,
  type CaseProfileView,
  countryLabel,
  EXPLOITATION_FAMILY_LABELS,
  EXPLOITATION_SUBTYPE_LABELS,
  EXPLOITER_RELATIONSHIP_LABELS,
  GENDER_LABELS,
  PLACE_TYPE_LABELS,
  RECRUITMENT_CHANNEL_LABELS,
  SCHOOLING_STATUS_LABELS,
  VULNERABILITY_FACTOR_LABELS,
} from "@shared/cases.ts";
import type { ReactNode } from "react";
import { formatIsoDate } from "./case-labels.tsx";

const NONE = "Non renseigné";

function ageText(profile: CaseProfileView): string {
  if (profile.ageToday === null) return NONE;
  const band = profile.ageBandToday ? ` (${AGE_BAND_LABELS[profile.ageBandToday]})` : "";
  const estimated = profile.isAgeEstimated
    ? `, âge estimé${profile.ageEstimationMethod ? ` : ${AGE_ESTIMATION_METHOD_LABELS[profile.ageEstimationMethod].toLowerCase()}` : ""}`
    : "";
  return `${profile.ageToday} ans${band}${estimated}`;
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="fr-grid-row fr-mb-1w">
      <dt className="fr-col-12 fr-col-md-4 fr-text--bold">{term}</dt>
      <dd className="fr-col-12 fr-col-md-8 fr-m-0">{children}</dd>
    </div>
  );
}

const listOr = (items: string[]) => (items.length > 0 ? items.join(", ") : NONE);

/** The profile as read: labels in French, nothing identifying. */
export function CaseProfileSummary({ profile }: { profile: CaseProfileView }) {
  const placement = profile.asePlacement;
  return (
    <dl>
      <Row term="Âge">{ageText(profile)}</Row>
      <Row term="Âge aux premiers faits">
        {profile.ageAtFirstFacts === null ? NONE : `${profile.ageAtFirstFacts} ans`}
      </Row>
      <Row term="Genre">{GENDER_LABELS[profile.gender]}</Row>
      <Row term="Nationalités">{listOr(profile.nationalities.map(countryLabel))}</Row>
      <Row term="Date des premiers faits">{profile.firstFactsOn ? formatIsoDate(profile.firstFactsOn) : NONE}</Row>
      <Row term="Placement ASE">
        {placement
          ? `${ASE_PLACEMENT_TYPE_LABELS[placement.type]}, ${ASE_LEGAL_BASIS_LABELS[placement.legalBasis].toLowerCase()}, département ${placement.departmentCode}${placement.establishment ? ` — ${placement.establishment.name}` : ""}`
          : "Pas de placement ASE"}
      </Row>
      <Row term="Mineur non accompagné">
        {profile.ageAssessmentStatus ? AGE_ASSESSMENT_STATUS_LABELS[profile.ageAssessmentStatus] : "Non concerné"}
        {profile.isPresumedMinor && " — présumé·e mineur·e et protégé·e comme tel·le pendant l'évaluation"}
      </Row>
      <Row term="Jeune majeur·e">
        {profile.careLeaverStatus ? CARE_LEAVER_STATUS_LABELS[profile.careLeaverStatus] : "Non concerné"}
      </Row>
      <Row term="Scolarité">{SCHOOLING_STATUS_LABELS[profile.schooling]}</Row>
      <Row term="Facteurs de vulnérabilité">
        {listOr(profile.vulnerabilityFactors.map((factor) => VULNERABILITY_FACTOR_LABELS[factor]))}
      </Row>
      <Row term="Formes d'exploitation">
        {profile.exploitations.length === 0 ? (
          NONE
        ) : (
          <ul className="fr-m-0">
            {profile.exploitations.map((exploitation, index) => (
              // Rows have no id of their own: their order is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <li key={index}>
                {EXPLOITATION_FAMILY_LABELS[exploitation.family]}
                {exploitation.subtype && ` — ${EXPLOITATION_SUBTYPE_LABELS[exploitation.subtype]}`}
                {exploitation.startedOn && `, depuis le ${formatIsoDate(exploitation.startedOn)}`}
                {exploitation.endedOn && `, jusqu'au ${formatIsoDate(exploitation.endedOn)}`}
              </li>
            ))}
          </ul>
        )}
      </Row>
      <Row term="Canaux de recrutement">
        {listOr(profile.recruitmentChannels.map((channel) => RECRUITMENT_CHANNEL_LABELS[channel]))}
      </Row>
      <Row term="Lien avec les exploiteurs">
        {listOr(profile.exploiterRelationships.map((relationship) => EXPLOITER_RELATIONSHIP_LABELS[relationship]))}
      </Row>
      <Row term="Lieux">
        {listOr(profile.places.map((place) => `${place.communeCode} (${PLACE_TYPE_LABELS[place.type].toLowerCase()})`))}
      </Row>
    </dl>
  );
}

import { toParisIsoDate } from "./calendar-date";
import { actionsForQualification } from "./legal-actions";
import type { QualificationInput } from "./qualification-input";
import type { Finding, QualificationFacts, QualificationResult, RelatedOffence } from "./qualification-result";
import {
  type ConditionToken,
  type PenaltyText,
  RULE_SETS,
  type RuleSet,
  selectRuleSet,
  type TraffickingArticle,
} from "./rule-sets";
import {
  ACT_LABELS,
  ACTS,
  CIRCUMSTANCE_LABELS,
  CIRCUMSTANCES,
  ELEMENT_LABELS,
  type Element,
  MEANS,
  MEANS_LABELS,
  type Means,
  PURPOSE_LABELS,
  PURPOSES,
} from "./vocabulary";

export interface QualifyOptions {
  /** Resolves a missing factsDate; defaults to the current date in France. */
  today?: Date;
  /** For tests and future transpositions; defaults to the published rule sets. */
  ruleSets?: readonly RuleSet[];
}

const EUROS = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });

export function formatEuros(amount: number): string {
  return `${EUROS.format(amount)} €`;
}

export function describePenalty(penalty: PenaltyText): string {
  const prisonKind = penalty.offenceClass === "crime" ? "réclusion criminelle" : "emprisonnement";
  const prison =
    penalty.maxPrisonYears === "life" ? `${prisonKind} à perpétuité` : `${penalty.maxPrisonYears} ans de ${prisonKind}`;
  return `${prison} et ${formatEuros(penalty.maxFineEuros)} d'amende`;
}

/** Keeps the vocabulary order and drops duplicates, so the result never depends on how the input was ordered. */
function normalise<T extends string>(values: readonly T[], vocabulary: readonly T[]): T[] {
  const present = new Set(values);
  return vocabulary.filter((value) => present.has(value));
}

function normaliseFacts(input: QualificationInput, today: Date): QualificationFacts {
  return {
    ageAtFacts: input.ageAtFacts,
    ageUncertain: input.ageUncertain,
    acts: normalise(input.acts, ACTS),
    means: normalise(input.means, MEANS),
    purposes: normalise(input.purposes, PURPOSES),
    circumstances: normalise(input.circumstances, CIRCUMSTANCES),
    factsDate: input.factsDate ?? toParisIsoDate(today),
  };
}

const listOf = (labels: string[]) => labels.join(", ");
const factList = <T extends string>(field: string, values: readonly T[]) => values.map((value) => `${field}: ${value}`);

function describeAge(facts: QualificationFacts): string {
  return facts.ageAtFacts === null ? "âge inconnu" : `${facts.ageAtFacts} ans`;
}

/**
 * Applies rules L1–L7 and the aggravations of CP 225-4-2 to 225-4-4 to the facts. Pure: the only clock it may
 * read is `options.today`, used when the input has no factsDate.
 */
export function qualify(input: QualificationInput, options: QualifyOptions = {}): QualificationResult {
  const facts = normaliseFacts(input, options.today ?? new Date());
  const { ruleSet, coversFactsDate } = selectRuleSet(facts.factsDate, options.ruleSets ?? RULE_SETS);
  const findings: Finding[] = [];
  const ageFact = `ageAtFacts: ${facts.ageAtFacts === null ? "null" : facts.ageAtFacts}`;

  if (!coversFactsDate) {
    findings.push({
      rule: "rule_set",
      facts: [`factsDate: ${facts.factsDate}`],
      text: `Les faits (${facts.factsDate}) sont antérieurs au premier jeu de règles modélisé (en vigueur le ${ruleSet.validFrom}) : la qualification est calculée avec ce jeu de règles et doit être vérifiée par un juriste.`,
    });
  }

  const knownMinor = facts.ageAtFacts !== null && facts.ageAtFacts < ruleSet.majorityAge;
  const treatedAsMinor = facts.ageUncertain || knownMinor;
  const under15 = facts.ageAtFacts !== null && facts.ageAtFacts < 15;
  if (facts.ageUncertain) {
    const statedAdult =
      facts.ageAtFacts !== null && facts.ageAtFacts >= ruleSet.majorityAge
        ? ", même si l'âge indiqué est celui d'une personne majeure"
        : "";
    findings.push({
      rule: "L6",
      facts: [ageFact, "ageUncertain: true"],
      text: `Règle L6 : l'âge est incertain (${describeAge(facts)}) et il existe des raisons de penser que la personne peut être mineure ; elle est traitée comme mineure jusqu'à ce que son âge soit établi${statedAdult} (Convention du Conseil de l'Europe, art. 10 § 3 ; directive 2011/36/UE, art. 13 § 2).`,
    });
  }

  const recognisedPurposes = facts.purposes.filter((purpose) => ruleSet.recognisedPurposes.includes(purpose));
  const hasAct = facts.acts.length > 0;
  const hasPurpose = recognisedPurposes.length > 0;
  const hasMeans = facts.means.length > 0;
  const meansRequired = !treatedAsMinor;

  if (hasAct) {
    findings.push({
      rule: "225-4-1",
      facts: factList("acts", facts.acts),
      text: `Élément « acte » présent (225-4-1) : ${listOf(facts.acts.map((act) => ACT_LABELS[act]))}.`,
    });
  } else {
    findings.push({
      rule: "L1",
      facts: ["acts: []"],
      text: "Règle L1 : aucun acte (recruter, transporter, transférer, héberger, accueillir) n'est renseigné ; l'élément « acte » manque et la traite n'est pas constituée à ce stade. Vérifier les infractions voisines.",
    });
  }

  for (const purpose of facts.purposes) {
    const note = ruleSet.unrecognisedPurposeNotes[purpose];
    if (note === undefined) continue;
    findings.push({
      rule: "225-4-1",
      facts: [`purposes: ${purpose}`, `factsDate: ${facts.factsDate}`],
      text: `Finalité « ${PURPOSE_LABELS[purpose]} » : ${note} (règles en vigueur au ${facts.factsDate}) ; elle ne remplit donc pas l'élément « finalité ».`,
    });
  }
  if (hasPurpose) {
    findings.push({
      rule: "225-4-1",
      facts: factList("purposes", recognisedPurposes),
      text: `Élément « finalité » présent (225-4-1) : ${listOf(recognisedPurposes.map((purpose) => PURPOSE_LABELS[purpose]))}.`,
    });
  } else {
    findings.push({
      rule: "L2",
      facts: facts.purposes.length === 0 ? ["purposes: []"] : factList("purposes", facts.purposes),
      text: "Règle L2 : aucune finalité d'exploitation prévue par l'article 225-4-1 du Code pénal n'est renseignée ; l'élément « finalité » manque.",
    });
  }

  if (hasMeans) {
    findings.push({
      rule: "225-4-1 I",
      facts: factList("means", facts.means),
      text: `Moyen(s) renseigné(s) (225-4-1 I) : ${listOf(facts.means.map((means) => MEANS_LABELS[means]))}${treatedAsMinor ? " ; non requis pour un mineur, ils aggravent la traite (225-4-2 II)" : ""}.`,
    });
  } else if (meansRequired) {
    findings.push({
      rule: "225-4-1 I",
      facts: [ageFact, "means: []"],
      text: `Élément « moyen » manquant : la personne est majeure à la date des faits (${describeAge(facts)}) et aucun des moyens 1° à 4° de l'article 225-4-1 I n'est renseigné.`,
    });
  }

  const missing: Element[] = [];
  if (!hasAct) missing.push("act");
  if (meansRequired && !hasMeans) missing.push("means");
  if (!hasPurpose) missing.push("purpose");
  const trafficking = missing.length === 0;
  const elementFacts = [ageFact, ...factList("acts", facts.acts), ...factList("purposes", recognisedPurposes)];

  if (treatedAsMinor && hasAct && hasPurpose) {
    findings.push({
      rule: "L3",
      facts: facts.ageUncertain ? [...elementFacts, "ageUncertain: true"] : elementFacts,
      text: `Règle L3 : victime ${facts.ageUncertain ? "présumée mineure" : `mineure à la date des faits (${describeAge(facts)})`}, acte et finalité réunis : traite présumée d'un mineur (225-4-1 II). Aucun moyen n'est requis et il n'y a pas à en apporter la preuve.`,
    });
  } else if (!treatedAsMinor && hasAct && hasPurpose && hasMeans) {
    findings.push({
      rule: "L4",
      facts: [...elementFacts, ...factList("means", facts.means)],
      text: `Règle L4 : personne majeure à la date des faits (${describeAge(facts)}), acte, finalité et au moins un moyen réunis : traite présumée (225-4-1 I).`,
    });
  } else if (!treatedAsMinor && hasAct && hasPurpose) {
    const youngAdult = facts.ageAtFacts !== null && facts.ageAtFacts <= 21;
    const prompt = youngAdult
      ? " Pour une personne de 18 à 21 ans, examiner si une vulnérabilité due à l'âge, la sortie de l'aide sociale à l'enfance, une addiction, l'isolement ou une grossesse constitue l'abus de vulnérabilité (3°)."
      : "";
    findings.push({
      rule: "L5",
      facts: [...elementFacts, "means: []"],
      text: `Règle L5 : personne majeure à la date des faits (${describeAge(facts)}), acte et finalité réunis mais aucun moyen : l'élément « moyen » manque, la traite n'est pas établie à ce stade.${prompt}`,
    });
  } else {
    findings.push({
      rule: "225-4-1",
      facts: elementFacts,
      text: `Traite non établie à ce stade (225-4-1) : élément(s) manquant(s) : ${listOf(missing.map((element) => ELEMENT_LABELS[element]))}.`,
    });
  }

  const aggravations = trafficking ? findAggravations(facts, ruleSet, treatedAsMinor, findings) : [];
  const article: TraffickingArticle | null = trafficking
    ? (aggravations[0] ?? (treatedAsMinor ? "225-4-1 II" : "225-4-1 I"))
    : null;
  const penalty = article === null ? null : ruleSet.penalties[article];

  if (penalty !== null) {
    findings.push({
      rule: penalty.article,
      facts: [ageFact, ...factList("circumstances", facts.circumstances)],
      text: `Texte le plus spécifique : article ${penalty.article} du Code pénal (${penalty.label}) ; peine maximale encourue : ${describePenalty(penalty)}.`,
    });
    if (treatedAsMinor && under15) {
      findings.push({
        rule: "225-4-1 II",
        facts: [ageFact],
        text: "La traite des mineurs (225-4-1 II) ne comporte pas d'aggravation propre aux mineurs de moins de 15 ans : cet âge joue par les infractions voisines (proxénétisme, recours à la prostitution).",
      });
    }
    findings.push({
      rule: "225-4-5",
      facts: factList("purposes", recognisedPurposes),
      text: "Article 225-4-5 : si l'infraction commise ou projetée contre la victime est punie plus sévèrement et que l'auteur le savait, cette peine s'applique ; elle n'est pas intégrée ici.",
    });
  } else if (facts.circumstances.length > 0) {
    findings.push({
      rule: "225-4-2",
      facts: factList("circumstances", facts.circumstances),
      text: `Circonstance(s) aggravante(s) renseignée(s) (225-4-2 à 225-4-4) : ${listOf(facts.circumstances.map((circumstance) => CIRCUMSTANCE_LABELS[circumstance]))} ; elles n'aggravent la traite que si ses éléments sont réunis.`,
    });
  }

  const relatedOffenceDetails = findRelatedOffences(facts, ruleSet, treatedAsMinor, under15);
  for (const offence of relatedOffenceDetails) {
    findings.push({
      rule: offence.article,
      facts: offence.facts,
      text: `Infraction voisine à examiner : article ${offence.article} du Code pénal (${offence.label}) ; faits : ${listOf(offence.reasons)}.`,
    });
  }
  if (treatedAsMinor && facts.ageAtFacts === null && facts.purposes.includes("proxenetisme")) {
    findings.push({
      rule: "225-7-1",
      facts: [ageFact],
      text: "L'âge exact étant inconnu, les textes propres aux mineurs de moins de 15 ans (225-7-1, 225-12-2) ne sont retenus que lorsque l'âge est établi.",
    });
  }

  findings.push({
    rule: "L7",
    facts: [],
    text: "Règle L7 : le consentement éventuel de la personne n'est pas un élément de l'infraction et n'a pas été pris en compte.",
  });

  const withoutActions: Omit<QualificationResult, "actions"> = {
    trafficking,
    meansRequired,
    missing,
    article,
    articleLabel: penalty?.label ?? null,
    maxPrisonYears: penalty?.maxPrisonYears ?? null,
    maxFineEuros: penalty?.maxFineEuros ?? null,
    offenceClass: penalty?.offenceClass ?? null,
    treatedAsMinor,
    aggravations,
    relatedOffences: relatedOffenceDetails.map((offence) => offence.article),
    relatedOffenceDetails,
    explanation: findings.map((finding) => finding.text),
    findings,
    facts,
    ruleSet: { id: ruleSet.id, validFrom: ruleSet.validFrom, label: ruleSet.label, coversFactsDate },
  };
  return { ...withoutActions, actions: actionsForQualification(withoutActions) };
}

/** Aggravated texts, most severe first; pushes one finding per text explaining its facts. */
function findAggravations(
  facts: QualificationFacts,
  ruleSet: RuleSet,
  treatedAsMinor: boolean,
  findings: Finding[],
): TraffickingArticle[] {
  const aggravations: TraffickingArticle[] = [];
  const describe = (article: TraffickingArticle) => describePenalty(ruleSet.penalties[article]);

  if (facts.circumstances.includes(ruleSet.tortureCircumstance)) {
    aggravations.push("225-4-4");
    findings.push({
      rule: "225-4-4",
      facts: [`circumstances: ${ruleSet.tortureCircumstance}`],
      text: `Aggravation 225-4-4 : traite commise en recourant à des tortures ou à des actes de barbarie ; ${describe("225-4-4")}.`,
    });
  }
  if (facts.circumstances.includes(ruleSet.organisedGangCircumstance)) {
    aggravations.push("225-4-3");
    findings.push({
      rule: "225-4-3",
      facts: [`circumstances: ${ruleSet.organisedGangCircumstance}`],
      text: `Aggravation 225-4-3 : traite commise en bande organisée ; ${describe("225-4-3")}.`,
    });
  }

  const aggravatingCircumstances = facts.circumstances.filter((circumstance) =>
    ruleSet.aggravatingCircumstances.includes(circumstance),
  );
  const circumstanceText = listOf(aggravatingCircumstances.map((circumstance) => CIRCUMSTANCE_LABELS[circumstance]));
  const meansText = listOf(facts.means.map((means) => MEANS_LABELS[means]));
  const usedFacts = [...factList("means", facts.means), ...factList("circumstances", aggravatingCircumstances)];

  if (treatedAsMinor && (facts.means.length > 0 || aggravatingCircumstances.length > 0)) {
    aggravations.push("225-4-2 II");
    const reasons = [
      facts.means.length > 0 ? `moyen(s) : ${meansText}` : null,
      aggravatingCircumstances.length > 0 ? `circonstance(s) : ${circumstanceText}` : null,
    ].filter((reason) => reason !== null);
    findings.push({
      rule: "225-4-2 II",
      facts: usedFacts,
      text: `Aggravation 225-4-2 II : victime mineure et ${reasons.join(" ; ")} ; ${describe("225-4-2 II")}.`,
    });
  } else if (!treatedAsMinor && (facts.means.length >= 2 || aggravatingCircumstances.length > 0)) {
    aggravations.push("225-4-2 I");
    const reasons = [
      facts.means.length >= 2 ? `deux moyens ou plus : ${meansText}` : null,
      aggravatingCircumstances.length > 0 ? `circonstance(s) : ${circumstanceText}` : null,
    ].filter((reason) => reason !== null);
    findings.push({
      rule: "225-4-2 I",
      facts: usedFacts,
      text: `Aggravation 225-4-2 I : ${reasons.join(" ; ")} ; ${describe("225-4-2 I")}.`,
    });
  }
  return aggravations;
}

function findRelatedOffences(
  facts: QualificationFacts,
  ruleSet: RuleSet,
  treatedAsMinor: boolean,
  under15: boolean,
): RelatedOffence[] {
  const isMeans = (token: string): token is Means => (MEANS as readonly string[]).includes(token);
  const holds = (token: ConditionToken): boolean => {
    if (token === "minor") return treatedAsMinor;
    if (token === "under_15") return under15;
    return isMeans(token) ? facts.means.includes(token) : facts.circumstances.includes(token);
  };
  const tokenFact = (token: ConditionToken): string => {
    if (token === "minor") return facts.ageUncertain ? "ageUncertain: true" : `ageAtFacts: ${facts.ageAtFacts}`;
    if (token === "under_15") return `ageAtFacts: ${facts.ageAtFacts}`;
    return isMeans(token) ? `means: ${token}` : `circumstances: ${token}`;
  };
  const tokenText = (token: ConditionToken): string => {
    if (token === "minor")
      return facts.ageUncertain ? "victime présumée mineure" : `victime mineure (${describeAge(facts)})`;
    if (token === "under_15") return `victime de moins de 15 ans (${describeAge(facts)})`;
    return isMeans(token) ? MEANS_LABELS[token] : CIRCUMSTANCE_LABELS[token];
  };

  const offences: RelatedOffence[] = [];
  for (const rule of ruleSet.relatedOffences) {
    const purposes = rule.purposes.filter((purpose) => facts.purposes.includes(purpose));
    if (purposes.length === 0) continue;
    const allOf = rule.requiresAllOf ?? [];
    if (!allOf.every(holds)) continue;
    const anyOf = rule.requiresAnyOf?.filter(holds);
    if (anyOf !== undefined && anyOf.length === 0) continue;
    const satisfied = [...allOf, ...(anyOf ?? [])];
    offences.push({
      article: rule.article,
      label: rule.label,
      facts: [...factList("purposes", purposes), ...new Set(satisfied.map(tokenFact))],
      reasons: [
        ...purposes.map((purpose) => `finalité ${PURPOSE_LABELS[purpose]}`),
        ...new Set(satisfied.map(tokenText)),
      ],
    });
  }
  return offences;
}

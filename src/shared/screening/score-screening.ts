import { addCalendarMonths } from "../qualification/calendar-date";
import type { DomainCode, DomainFamily, GridDefinition, GridItem } from "./grid-definition";
import { GRIDS, getGrid } from "./grid-registry";
import {
  type ItemValue,
  SCREENING_LEVEL_LABELS,
  type ScreeningLevel,
  type ScreeningMode,
  type SourceType,
} from "./screening-levels";
import type { ScreeningSubmission } from "./screening-submission";

export type DomainRating = 0 | 1 | 2;

export interface ItemDriver {
  itemId: string;
  label: string;
  value: 1 | 2;
  sourceType: SourceType | null;
  date: string | null;
}

export interface DomainResult {
  code: DomainCode;
  label: string;
  family: DomainFamily;
  rating: DomainRating;
  /** False in brief mode for a domain with no brief item: its 0 means "not looked at", not "nothing seen". */
  assessed: boolean;
  /** Why the rating is what it is: an item at 2, three items at 1, or one item at 1. */
  ratingRule: "item_clear" | "three_possible" | "item_possible" | "none";
  drivers: ItemDriver[];
  /** Items in scope answered "unknown" or left blank: missing data, scored as 0. */
  unknownItemIds: string[];
  explanation: string;
}

export type SeverityModifierCode = "means_present" | "under_15" | "unaccompanied_minor" | "young_adult";

export interface SeverityModifier {
  code: SeverityModifierCode;
  label: string;
}

export interface ScreeningResult {
  gridVersion: string;
  mode: ScreeningMode;
  screenedOn: string;
  domains: DomainResult[];
  domainRatings: Record<DomainCode, DomainRating>;
  redFlags: { id: string; label: string; signalsInjury: boolean }[];
  computedLevel: ScreeningLevel;
  /** The level that counts: the professional's override when there is one, else the computed level. */
  level: ScreeningLevel;
  levelLabel: string;
  /** French sentences naming the rule of the grid that set the computed level. */
  levelReasons: string[];
  override: { from: ScreeningLevel; to: ScreeningLevel; reason: string } | null;
  /** Shown beside the level; they never change it. */
  severityModifiers: SeverityModifier[];
  treatedAsMinor: boolean;
  healthConcern: boolean;
  /** Every in-scope item answered "unknown" or left blank. */
  unknownItemIds: string[];
  /** Red flags call for action the same day. */
  sameDayActionRequired: boolean;
  warnings: string[];
}

interface ScoredItem {
  item: GridItem;
  value: ItemValue | undefined;
  sourceType: SourceType | null;
  date: string | null;
}

const numeric = (value: ItemValue | undefined): 0 | 1 | 2 => (value === 1 || value === 2 ? value : 0);

function rateDomain(
  grid: GridDefinition,
  domain: GridDefinition["domains"][number],
  scored: ScoredItem[],
  assessed: boolean,
): DomainResult {
  const toDriver = (entry: ScoredItem): ItemDriver => ({
    itemId: entry.item.id,
    label: entry.item.label,
    value: numeric(entry.value) as 1 | 2,
    sourceType: entry.sourceType,
    date: entry.date,
  });
  const clear = scored.filter((entry) => entry.value === 2);
  const possible = scored.filter((entry) => entry.value === 1);
  const unknownItemIds = scored
    .filter((entry) => entry.value === undefined || entry.value === "unknown")
    .map((entry) => entry.item.id);
  const ids = (entries: ScoredItem[]) => entries.map((entry) => entry.item.id).join(", ");
  const threshold = grid.scoring.possibleItemsMakingClear;

  let rating: DomainRating = 0;
  let ratingRule: DomainResult["ratingRule"] = "none";
  let drivers: ScoredItem[] = [];
  let explanation: string;
  if (clear.length > 0) {
    rating = 2;
    ratingRule = "item_clear";
    drivers = clear;
    explanation = `Domaine ${domain.code} coté 2 : item(s) coté(s) 2 (${ids(clear)}).`;
  } else if (possible.length >= threshold) {
    rating = 2;
    ratingRule = "three_possible";
    drivers = possible;
    explanation = `Domaine ${domain.code} coté 2 : ${possible.length} items cotés 1 (${ids(possible)}), le seuil est de ${threshold}.`;
  } else if (possible.length > 0) {
    rating = 1;
    ratingRule = "item_possible";
    drivers = possible;
    explanation = `Domaine ${domain.code} coté 1 : item(s) coté(s) 1 (${ids(possible)}).`;
  } else if (!assessed) {
    explanation = `Domaine ${domain.code} non évalué en repérage bref.`;
  } else {
    explanation = `Domaine ${domain.code} coté 0 : aucun signe connu.`;
  }
  if (assessed && unknownItemIds.length > 0) {
    explanation += ` Information inconnue pour : ${unknownItemIds.join(", ")}.`;
  }
  return {
    code: domain.code,
    label: domain.label,
    family: domain.family,
    rating,
    assessed,
    ratingRule,
    drivers: drivers.map(toDriver),
    unknownItemIds: assessed ? unknownItemIds : [],
    explanation,
  };
}

function computeLevel(
  grid: GridDefinition,
  mode: ScreeningMode,
  domains: DomainResult[],
  ratings: Record<DomainCode, DomainRating>,
  redFlags: ScreeningResult["redFlags"],
  scoredItems: ScoredItem[],
): { level: ScreeningLevel; reasons: string[] } {
  const { scoring } = grid;
  const byFamily = (family: DomainFamily) => domains.filter((domain) => domain.family === family);
  const codes = (list: DomainResult[]) => list.map((domain) => domain.code).join(", ");
  const exploitationClear = byFamily("exploitation").filter((domain) => domain.rating === 2);
  const exploitationPossible = byFamily("exploitation").filter((domain) => domain.rating === 1);
  const controlClear = byFamily("control").filter((domain) => domain.rating === 2);
  const controlAny = byFamily("control").filter((domain) => domain.rating >= 1);

  const clearReasons: string[] = [];
  if (redFlags.length > 0) {
    clearReasons.push(
      `Signal(s) d'alerte coché(s) : ${redFlags.map((flag) => `${flag.id} (${flag.label})`).join(" ; ")}.`,
    );
  }
  if (exploitationClear.length > 0) {
    clearReasons.push(`Domaine(s) d'exploitation coté(s) 2 : ${codes(exploitationClear)}.`);
  }
  if (exploitationPossible.length > 0 && controlClear.length >= scoring.controlDomainsClearWithExploitation) {
    clearReasons.push(
      `Domaine(s) d'exploitation coté(s) 1 (${codes(exploitationPossible)}) et au moins ${scoring.controlDomainsClearWithExploitation} domaines de contrôle cotés 2 (${codes(controlClear)}).`,
    );
  }
  if (clearReasons.length > 0) return { level: "clear", reasons: clearReasons };

  const possibleReasons: string[] = [];
  if (exploitationPossible.length > 0) {
    possibleReasons.push(`Domaine(s) d'exploitation coté(s) 1 : ${codes(exploitationPossible)}.`);
  }
  if (controlAny.length >= scoring.controlDomainsForPossible) {
    possibleReasons.push(
      `Au moins ${scoring.controlDomainsForPossible} domaines de contrôle cotés 1 ou plus : ${codes(controlAny)}.`,
    );
  }
  const companions = scoring.runawayCompanionDomains.filter((code) => ratings[code] >= 1);
  if (ratings[scoring.runawayDomain] === 2 && companions.length > 0) {
    possibleReasons.push(
      `Domaine ${scoring.runawayDomain} coté 2 avec le(s) domaine(s) ${companions.join(", ")} coté(s) 1 ou plus.`,
    );
  }
  if (mode === "brief") {
    const triggering = scoredItems.filter(
      (entry) =>
        entry.item.inBrief &&
        !scoring.briefTriggerIgnoredDomains.includes(entry.item.domain) &&
        numeric(entry.value) >= 1,
    );
    if (triggering.length > 0) {
      possibleReasons.push(
        `Repérage bref : item(s) ${triggering.map((entry) => entry.item.id).join(", ")} coté(s) 1 ou plus (une réponse positive suffit).`,
      );
    }
  }
  if (possibleReasons.length > 0) return { level: "possible", reasons: possibleReasons };

  return {
    level: "none",
    reasons: [
      "Aucun critère de préoccupation n'est rempli à ce jour ; cela ne signifie pas que la personne n'est pas victime. Refaire le repérage si un élément nouveau survient.",
    ],
  };
}

function findSeverityModifiers(
  grid: GridDefinition,
  submission: ScreeningSubmission,
  ratings: Record<DomainCode, DomainRating>,
  scoreOf: (itemId: string) => 0 | 1 | 2,
  treatedAsMinor: boolean,
): SeverityModifier[] {
  const { scoring } = grid;
  const age = submission.ageAtScreening;
  const modifiers: SeverityModifier[] = [];
  if (ratings[scoring.meansDomain] >= 1) {
    modifiers.push({
      code: "means_present",
      label: treatedAsMinor
        ? "Moyens de contrainte présents : ils aggravent la situation, mais ne sont jamais requis pour un mineur."
        : "Moyens de contrainte présents : ils sont nécessaires à la qualification de traite pour une personne majeure.",
    });
  }
  if (age !== null && age < scoring.under15Age) {
    modifiers.push({
      code: "under_15",
      label: "Moins de 15 ans : des infractions aggravées s'appliquent (proxénétisme, recours à la prostitution).",
    });
  }
  if (scoreOf(scoring.unaccompaniedMinorItem) >= 1) {
    modifiers.push({
      code: "unaccompanied_minor",
      label: "Mineur non accompagné : rechercher une contrainte à commettre des délits et une dette.",
    });
  }
  const youngAdult =
    !submission.ageUncertain && age !== null && age >= scoring.majorityAge && age <= scoring.youngAdultMaxAge;
  if (youngAdult || scoreOf(scoring.careLeaverItem) >= 1) {
    modifiers.push({
      code: "young_adult",
      label:
        "Jeune majeur (18–21 ans) : son accord est nécessaire pour les orientations ; examiner les moyens, dont la vulnérabilité liée à l'âge.",
    });
  }
  return modifiers;
}

function findWarnings(grid: GridDefinition, submission: ScreeningSubmission): string[] {
  const warnings: string[] = [];
  const pastLimit = addCalendarMonths(submission.screenedOn, -grid.scoring.pastSignMonths);
  for (const answer of submission.answers) {
    if (answer.date === undefined) continue;
    if (answer.date > submission.screenedOn) {
      warnings.push(
        `L'item ${answer.itemId} est daté du ${answer.date}, après la date du repérage (${submission.screenedOn}).`,
      );
    } else if (answer.value === 2 && answer.date < pastLimit) {
      warnings.push(
        `L'item ${answer.itemId} est coté 2 mais daté de plus de ${grid.scoring.pastSignMonths} mois : un signe seulement passé se cote 1.`,
      );
    }
  }
  return warnings;
}

export interface ScoreScreeningOptions {
  /** For tests of version stability; defaults to the published grids. */
  grids?: Readonly<Record<string, GridDefinition>>;
}

/**
 * Scores a validated submission with the grid version it names, so a past screening always gives the same result
 * even after newer grids are published. Pure and deterministic.
 */
export function scoreScreening(submission: ScreeningSubmission, options: ScoreScreeningOptions = {}): ScreeningResult {
  const grid = getGrid(submission.gridVersion, options.grids ?? GRIDS);
  const answers = new Map(submission.answers.map((answer) => [answer.itemId, answer]));
  const inScope = (item: GridItem) => submission.mode === "full" || item.inBrief;

  const scoredItems: ScoredItem[] = [];
  const domains = grid.domains.map((domain) => {
    const scopedItems = domain.items.filter(inScope);
    const scored = scopedItems.map((item) => {
      const answer = answers.get(item.id);
      return { item, value: answer?.value, sourceType: answer?.sourceType ?? null, date: answer?.date ?? null };
    });
    scoredItems.push(...scored);
    return rateDomain(grid, domain, scored, scopedItems.length > 0);
  });
  const domainRatings = Object.fromEntries(domains.map((domain) => [domain.code, domain.rating])) as Record<
    DomainCode,
    DomainRating
  >;
  const redFlags = grid.redFlags
    .filter((definition) => submission.redFlags.includes(definition.id))
    .map(({ id, label, signalsInjury }) => ({ id, label, signalsInjury }));

  const computed = computeLevel(grid, submission.mode, domains, domainRatings, redFlags, scoredItems);
  const override = submission.override
    ? { from: computed.level, to: submission.override.level, reason: submission.override.reason }
    : null;
  const level = override?.to ?? computed.level;
  const treatedAsMinor =
    submission.ageUncertain ||
    (submission.ageAtScreening !== null && submission.ageAtScreening < grid.scoring.majorityAge);
  const scoreOf = (itemId: string) => numeric(answers.get(itemId)?.value);

  return {
    gridVersion: grid.version,
    mode: submission.mode,
    screenedOn: submission.screenedOn,
    domains,
    domainRatings,
    redFlags,
    computedLevel: computed.level,
    level,
    levelLabel: SCREENING_LEVEL_LABELS[level],
    levelReasons: computed.reasons,
    override,
    severityModifiers: findSeverityModifiers(grid, submission, domainRatings, scoreOf, treatedAsMinor),
    treatedAsMinor,
    healthConcern: domainRatings[grid.scoring.healthDomain] >= 1,
    unknownItemIds: domains.flatMap((domain) => domain.unknownItemIds),
    sameDayActionRequired: redFlags.length > 0,
    warnings: findWarnings(grid, submission),
  };
}

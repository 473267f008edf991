/** The shape of a versioned screening grid. A grid is data: scoring reads its thresholds from here. */

export const DOMAIN_CODES = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"] as const;
export type DomainCode = (typeof DOMAIN_CODES)[number];

/** Risk/context domains raise vigilance only; control and exploitation domains drive the level. */
export type DomainFamily = "risk" | "control" | "exploitation";

export interface GridItem {
  id: string;
  domain: DomainCode;
  label: string;
  /** How to score the item, in the grid's own words (shown next to the item). */
  guide: string;
  inBrief: boolean;
}

export interface GridDomain {
  code: DomainCode;
  family: DomainFamily;
  label: string;
  guide: string;
  items: readonly GridItem[];
}

export interface RedFlagDefinition {
  id: string;
  label: string;
  guide: string;
  /** The flag describes physical harm: urgent medical care is due. */
  signalsInjury: boolean;
}

export interface ScoringParameters {
  /** A domain is rated 2 when this many of its items are scored 1. */
  possibleItemsMakingClear: number;
  /** With an exploitation domain at 1, this many control domains at 2 make a clear concern. */
  controlDomainsClearWithExploitation: number;
  /** This many control domains at 1 or more make a possible concern. */
  controlDomainsForPossible: number;
  /** A runaway domain at 2 with one of these domains at 1 or more makes a possible concern. */
  runawayDomain: DomainCode;
  runawayCompanionDomains: readonly DomainCode[];
  /** In brief mode any brief item at 1 or more outside these domains makes a possible concern. */
  briefTriggerIgnoredDomains: readonly DomainCode[];
  /** Domain whose rating signals that means (coercion) are present. */
  meansDomain: DomainCode;
  /** Item whose score marks an unaccompanied foreign minor. */
  unaccompaniedMinorItem: string;
  /** Item whose score marks a care leaver aged 18–21. */
  careLeaverItem: string;
  /** Domain whose rating calls for a medical check. */
  healthDomain: DomainCode;
  under15Age: number;
  majorityAge: number;
  youngAdultMaxAge: number;
  /** A sign seen only longer ago than this scores 1, not 2. */
  pastSignMonths: number;
}

export interface GridDefinition {
  version: string;
  label: string;
  domains: readonly GridDomain[];
  redFlags: readonly RedFlagDefinition[];
  scoring: ScoringParameters;
}

/** Freezes a grid so a published version can never be altered by the code that reads it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const nested of Object.values(value)) deepFreeze(nested);
  }
  return value;
}

import { DEPARTMENT_CODES } from "./departments.ts";
import {
  categoriesOf,
  OBSERVATORY_DIMENSIONS,
  OBSERVATORY_MEASURES,
  type ObservatoryDimension,
  type ObservatoryMeasure,
  VICTIM_STATUS_BASES,
  type VictimStatusBasis,
} from "./observatory/vocabulary.ts";
import { z } from "./zod-fr.ts";

export * from "./observatory/vocabulary.ts";

/** The first and last years a query may name: Repère holds no case before 2015. */
export const OBSERVATORY_FIRST_YEAR = 2015;
export const OBSERVATORY_LAST_YEAR = 2100;
/** D4: a published table crosses at most three dimensions. */
export const MAX_OBSERVATORY_DIMENSIONS = 3;

const Year = z.coerce.number().int().min(OBSERVATORY_FIRST_YEAR).max(OBSERVATORY_LAST_YEAR);
const Dimension = z.enum(OBSERVATORY_DIMENSIONS, "Dimension inconnue.");
const categoryList = (dimension: Exclude<ObservatoryDimension, "year">) =>
  z
    .array(z.enum(categoriesOf(dimension) as [string, ...string[]], "Catégorie inconnue."))
    .min(1)
    .max(categoriesOf(dimension).length)
    .optional();

/** Restricts the persons counted; each dimension keeps the listed categories only (years: `from`–`to`). */
export const ObservatoryFilters = z
  .strictObject({
    department: z.array(z.enum(DEPARTMENT_CODES, "Département inconnu.")).min(1).max(101).optional(),
    region: categoryList("region"),
    exploitation_family: categoryList("exploitation_family"),
    sex: categoryList("sex"),
    age_band: categoryList("age_band"),
    profile: categoryList("profile"),
    nationality_group: categoryList("nationality_group"),
    recruitment_channel: categoryList("recruitment_channel"),
    exploiter_relationship: categoryList("exploiter_relationship"),
  })
  .default({});
export type ObservatoryFilters = z.infer<typeof ObservatoryFilters>;

/**
 * One protected table. At most three dimensions (D4); the years `from`–`to` are always the period counted, and
 * "year" as a dimension splits it.
 */
export const ObservatoryTableQuery = z
  .strictObject({
    dimensions: z
      .array(Dimension)
      .min(1)
      .max(MAX_OBSERVATORY_DIMENSIONS, "Un tableau croise au plus trois dimensions.")
      .refine((list) => new Set(list).size === list.length, "Une dimension ne peut figurer qu'une fois.")
      .refine(
        (list) => !(list.includes("department") && list.includes("region")),
        "Département et région ne se croisent pas.",
      ),
    from: Year,
    to: Year,
    basis: z.enum(VICTIM_STATUS_BASES, "Statut de victime inconnu."),
    measure: z.enum(OBSERVATORY_MEASURES, "Mesure inconnue.").default("count"),
    filters: ObservatoryFilters,
  })
  .refine((query) => query.from <= query.to, { message: "L'année de début suit l'année de fin.", path: ["from"] })
  .refine((query) => query.to - query.from <= 20, { message: "Vingt ans au plus.", path: ["to"] });
export type ObservatoryTableQuery = z.infer<typeof ObservatoryTableQuery>;

/** GET form of a table query: `?dimensions=year,sex&from=2021&to=2024&basis=presumed&filters={"sex":["female"]}`. */
export const ObservatoryTableSearch = z.strictObject({
  dimensions: z.string().max(200),
  from: z.string().max(4),
  to: z.string().max(4),
  basis: z.string().max(40),
  measure: z.string().max(40).optional(),
  filters: z.string().max(4000).optional(),
});
export type ObservatoryTableSearch = z.infer<typeof ObservatoryTableSearch>;

/** Time series: one line per category of `by` (or one national line), a point per year. */
export const ObservatorySeriesQuery = z
  .strictObject({
    from: Year,
    to: Year,
    basis: z.enum(VICTIM_STATUS_BASES, "Statut de victime inconnu."),
    by: Dimension.exclude(["year"]).optional(),
    measure: z.enum(OBSERVATORY_MEASURES, "Mesure inconnue.").default("count"),
  })
  .refine((query) => query.from <= query.to, { message: "L'année de début suit l'année de fin.", path: ["from"] });
export type ObservatorySeriesQuery = z.infer<typeof ObservatorySeriesQuery>;

/** Map: one value per département or folded group, over the period. */
export const ObservatoryMapQuery = z
  .strictObject({
    from: Year,
    to: Year,
    basis: z.enum(VICTIM_STATUS_BASES, "Statut de victime inconnu."),
    measure: z.enum(OBSERVATORY_MEASURES, "Mesure inconnue.").default("count"),
  })
  .refine((query) => query.from <= query.to, { message: "L'année de début suit l'année de fin.", path: ["from"] });
export type ObservatoryMapQuery = z.infer<typeof ObservatoryMapQuery>;

export const EXPORT_FORMATS = ["csv", "ods"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** How a cell is published (see the disclosure library): only "published", "rounded" and "structural_zero" carry a value. */
export type ObservatoryCellStatus = "published" | "structural_zero" | "primary" | "secondary" | "rounded" | "withheld";

export interface ObservatoryCategoryView {
  code: string;
  label: string;
  /** For a folded geographic group: the départements it holds. */
  departments?: string[];
}

export interface ObservatoryDimensionView {
  name: ObservatoryDimension;
  label: string;
  categories: ObservatoryCategoryView[];
}

export interface ObservatoryCell {
  /** Category per dimension; null where the cell is the total over that dimension. */
  categories: (string | null)[];
  /** The published count, null when hidden. */
  count: number | null;
  /** The requested measure, derived from published counts only; null when it cannot be. */
  value: number | null;
  /** What a reader sees: "42", "12,5", "< 11", "s" or "n.d.". */
  display: string;
  status: ObservatoryCellStatus;
  isTotal: boolean;
}

/** A protected table as every view and export presents it. */
export interface ObservatoryTable {
  /** Stable key of the query (the cache key without the data version). */
  queryKey: string;
  title: string;
  query: ObservatoryTableQuery;
  measure: ObservatoryMeasure;
  measureLabel: string;
  basis: VictimStatusBasis;
  basisLabel: string;
  dimensions: ObservatoryDimensionView[];
  /** Inner cells, then margins and the grand total (isTotal). */
  cells: ObservatoryCell[];
  grandTotal: ObservatoryCell;
  suppressedCount: { primary: number; secondary: number; total: number };
  method: "suppression" | "rounding" | "withheld";
  /** French notes printed under the table: secret statistique, folding, merged categories, denominators. */
  note: string;
  countingRule: string;
  isSynthetic: boolean;
  syntheticLabel: string | null;
  dataVersion: string;
  generatedAt: string;
}

export interface ObservatorySeriesPoint {
  year: number;
  count: number | null;
  value: number | null;
  display: string;
  status: ObservatoryCellStatus;
}

export interface ObservatorySeries {
  /** Category of `by`, or "total". */
  code: string;
  label: string;
  points: ObservatorySeriesPoint[];
}

export interface ObservatorySeriesView {
  query: ObservatorySeriesQuery;
  measureLabel: string;
  basisLabel: string;
  series: ObservatorySeries[];
  note: string;
  countingRule: string;
  isSynthetic: boolean;
  syntheticLabel: string | null;
  dataVersion: string;
  generatedAt: string;
}

/** A map area: a département alone, or a folded group (D5) whose member départements share its value. */
export interface ObservatoryMapArea {
  code: string;
  label: string;
  kind: "department" | "region_group" | "overseas_group";
  departments: string[];
  count: number | null;
  value: number | null;
  display: string;
  status: ObservatoryCellStatus;
}

export interface ObservatoryMapView {
  query: ObservatoryMapQuery;
  measureLabel: string;
  basisLabel: string;
  areas: ObservatoryMapArea[];
  note: string;
  countingRule: string;
  isSynthetic: boolean;
  syntheticLabel: string | null;
  dataVersion: string;
  generatedAt: string;
}

// ——— Saturation vs exposure ———

/** Child-protection indicators a saturation analysis may use as its x axis. */
export const SATURATION_INDICATORS = [
  "ase_rate_per_1000_under_21",
  "children_in_ase_care",
  "unexecuted_placement_decisions",
  "occupancy_rate",
] as const;
export type SaturationIndicator = (typeof SATURATION_INDICATORS)[number];
export const SATURATION_INDICATOR_LABELS: Record<SaturationIndicator, string> = {
  ase_rate_per_1000_under_21: "Enfants confiés à l'ASE pour 1 000 jeunes de moins de 21 ans",
  children_in_ase_care: "Enfants confiés à l'ASE",
  unexecuted_placement_decisions: "Décisions de placement non exécutées",
  occupancy_rate: "Taux d'occupation des lieux d'accueil (%)",
};

export const SaturationQuery = z.strictObject({
  year: Year,
  basis: z.enum(VICTIM_STATUS_BASES, "Statut de victime inconnu."),
  indicator: z.enum(SATURATION_INDICATORS, "Indicateur inconnu.").default("ase_rate_per_1000_under_21"),
});
export type SaturationQuery = z.infer<typeof SaturationQuery>;

/** One geographic unit of the scatter plot; units whose count is hidden are left out (listed in `excluded`). */
export interface SaturationPoint {
  code: string;
  label: string;
  departments: string[];
  /** Exposure: persons counted per 10,000 minors (published counts only). */
  exposure: number;
  saturation: number;
}

export interface CorrelationResult {
  method: "pearson" | "spearman";
  n: number;
  coefficient: number | null;
  /** 95 % confidence interval (Fisher z transform); null when n < 4. */
  lower: number | null;
  upper: number | null;
  /** French caveat when n is small or the interval spans 0; null when the estimate stands. */
  caveat: string | null;
}

export interface SaturationView {
  query: SaturationQuery;
  indicatorLabel: string;
  exposureLabel: string;
  points: SaturationPoint[];
  excluded: { code: string; label: string; reason: string }[];
  pearson: CorrelationResult;
  spearman: CorrelationResult;
  note: string;
  isSynthetic: boolean;
  syntheticLabel: string | null;
  dataVersion: string;
}

/** One problem of an imported CSV line; `line` counts from 1 with the header as line 1. */
export interface ImportIssue {
  line: number;
  column: string;
  message: string;
}

/** All or nothing: `imported` is false and nothing changed whenever `issues` is not empty. */
export interface ReferenceImportReport {
  imported: boolean;
  rowCount: number;
  years: number[];
  issues: ImportIssue[];
}

// ——— Annual survey of associations ———

export const SURVEY_CAMPAIGN_STATUSES = ["open", "closed", "consolidated"] as const;
export type SurveyCampaignStatus = (typeof SURVEY_CAMPAIGN_STATUSES)[number];
export const SURVEY_CAMPAIGN_STATUS_LABELS: Record<SurveyCampaignStatus, string> = {
  open: "Ouverte",
  closed: "Close",
  consolidated: "Consolidée",
};

export const SURVEY_RESPONSE_STATUSES = ["not_started", "submitted", "correction_requested", "validated"] as const;
export type SurveyResponseStatus = (typeof SURVEY_RESPONSE_STATUSES)[number];
export const SURVEY_RESPONSE_STATUS_LABELS: Record<SurveyResponseStatus, string> = {
  not_started: "Non commencée",
  submitted: "Transmise",
  correction_requested: "Correction demandée",
  validated: "Validée",
};

/**
 * The survey's categories (MIPROF-style questionnaire, aggregated and anonymous): persons accompanied in the year,
 * split by sex, age band and exploitation form. Each split must add up to the total.
 */
export const SURVEY_FIGURE_KEYS = [
  "total",
  "sex_female",
  "sex_male",
  "sex_other_or_unknown",
  "age_under_15",
  "age_15_17",
  "age_18_21",
  "age_unknown",
  "form_sexual",
  "form_labour",
  "form_domestic",
  "form_criminal",
  "form_begging",
  "form_other",
  "form_multiple_or_unknown",
] as const;
export type SurveyFigureKey = (typeof SURVEY_FIGURE_KEYS)[number];
export const SURVEY_FIGURE_LABELS: Record<SurveyFigureKey, string> = {
  total: "Personnes de moins de 22 ans accompagnées dans l'année",
  sex_female: "dont filles ou jeunes femmes",
  sex_male: "dont garçons ou jeunes hommes",
  sex_other_or_unknown: "dont autre ou non renseigné",
  age_under_15: "dont moins de 15 ans",
  age_15_17: "dont 15 à 17 ans",
  age_18_21: "dont 18 à 21 ans",
  age_unknown: "dont âge inconnu",
  form_sexual: "dont exploitation sexuelle",
  form_labour: "dont exploitation par le travail",
  form_domestic: "dont exploitation domestique",
  form_criminal: "dont contrainte à commettre des délits",
  form_begging: "dont mendicité forcée",
  form_other: "dont autres formes",
  form_multiple_or_unknown: "dont plusieurs formes ou forme inconnue",
};
/** Splits that must add up to `total`. */
export const SURVEY_SPLITS: Record<"sex" | "age" | "form", readonly SurveyFigureKey[]> = {
  sex: ["sex_female", "sex_male", "sex_other_or_unknown"],
  age: ["age_under_15", "age_15_17", "age_18_21", "age_unknown"],
  form: [
    "form_sexual",
    "form_labour",
    "form_domestic",
    "form_criminal",
    "form_begging",
    "form_other",
    "form_multiple_or_unknown",
  ],
};

const Count = z.coerce.number().int("Un nombre entier est attendu.").min(0).max(100_000);
export const SurveyFigures = z.strictObject(
  Object.fromEntries(SURVEY_FIGURE_KEYS.map((key) => [key, Count])) as Record<SurveyFigureKey, typeof Count>,
);
export type SurveyFigures = z.infer<typeof SurveyFigures>;

export const CreateSurveyCampaignInput = z
  .strictObject({
    year: Year,
    opensOn: z.iso.date(),
    closesOn: z.iso.date(),
  })
  .refine((input) => input.opensOn <= input.closesOn, {
    message: "La campagne ferme avant d'ouvrir.",
    path: ["closesOn"],
  });
export type CreateSurveyCampaignInput = z.infer<typeof CreateSurveyCampaignInput>;

export const SubmitSurveyResponseInput = z.strictObject({
  /** Département where the association works, for the consolidated table. */
  departmentCode: z.enum(DEPARTMENT_CODES, "Département inconnu."),
  figures: SurveyFigures,
  comment: z.string().trim().max(2000).optional(),
});
export type SubmitSurveyResponseInput = z.infer<typeof SubmitSurveyResponseInput>;

export const ReviewSurveyResponseInput = z.discriminatedUnion("decision", [
  z.strictObject({ decision: z.literal("validate") }),
  z.strictObject({ decision: z.literal("request_correction"), message: z.string().trim().min(1).max(2000) }),
]);
export type ReviewSurveyResponseInput = z.infer<typeof ReviewSurveyResponseInput>;

export const UpdateSurveyCampaignInput = z.strictObject({
  status: z.enum(["closed", "consolidated"] as const, "Statut inconnu."),
});
export type UpdateSurveyCampaignInput = z.infer<typeof UpdateSurveyCampaignInput>;

export interface SurveyResponseView {
  organisationId: string;
  organisationName: string;
  departmentCode: string | null;
  status: SurveyResponseStatus;
  /** The association also keeps cases in Repère: its survey figures are left out of the consolidation. */
  keepsCasesInRepere: boolean;
  figures: SurveyFigures | null;
  correctionMessage: string | null;
  submittedAt: string | null;
  reviewedAt: string | null;
}

export interface SurveyCampaignView {
  id: string;
  year: number;
  status: SurveyCampaignStatus;
  opensOn: string;
  closesOn: string;
  responses: SurveyResponseView[];
  counts: Record<SurveyResponseStatus, number>;
}

/** National consolidation: Repère's persons plus validated survey figures of associations without cases in Repère. */
export interface SurveyConsolidationView {
  campaignId: string;
  year: number;
  /** Persons counted from Repère cases (basis "possible"), then from the survey, then together. */
  fromRepere: ObservatoryTable;
  fromSurvey: ObservatoryTable;
  associationsCounted: number;
  associationsExcludedAsRepereUsers: number;
  note: string;
}

// ——— Open data ———

/** The fixed set of published open-data tables: nothing else leaves Repère without a login. */
export const OPEN_DATA_TABLES = ["national-by-year-and-form", "by-year-and-region", "by-year-and-age-band"] as const;
export type OpenDataTableId = (typeof OPEN_DATA_TABLES)[number];
export const OPEN_DATA_FORMATS = ["json", "csv"] as const;

export interface OpenDataCatalogueEntry {
  id: OpenDataTableId;
  title: string;
  description: string;
  formats: { format: (typeof OPEN_DATA_FORMATS)[number]; url: string }[];
}

export interface OpenDataCatalogue {
  tables: OpenDataCatalogueEntry[];
  licence: string;
  isSynthetic: boolean;
  syntheticLabel: string | null;
  dataVersion: string;
}

// ——— Record-level research export ———

export const ResearchExportInput = z.strictObject({
  from: Year,
  to: Year,
  purpose: z.string().trim().min(10, "Décrivez la finalité de recherche.").max(500),
});
export type ResearchExportInput = z.infer<typeof ResearchExportInput>;

export type { ObservatoryDimension, ObservatoryMeasure, VictimStatusBasis };

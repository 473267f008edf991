import {
  CASE_SECTION_LABELS,
  type CaseSection,
  CLOSURE_REASON_LABELS,
  type ClosureReason,
  SHARE_PURPOSE_LABELS,
  type SharePurpose,
  type TimelineEntryView,
  VICTIM_STATUS_DECIDER_LABELS,
  VICTIM_STATUS_LABELS,
  type VictimStatus,
  type VictimStatusDecider,
} from "@shared/cases.ts";
import { formatDateTimeLong } from "../../components/format-date.ts";
import { formatIsoDate } from "./case-labels.tsx";

const PROFILE_FIELD_LABELS: Partial<Record<string, string>> = {
  gender: "genre",
  nationalities: "nationalités",
  firstFactsOn: "date des premiers faits",
  asePlacement: "placement ASE",
  ageAssessmentStatus: "évaluation de minorité",
  careLeaverStatus: "jeune majeur",
  schooling: "scolarité",
  vulnerabilityFactors: "vulnérabilités",
  exploitations: "formes d'exploitation",
  recruitmentChannels: "recrutement",
  exploiterRelationships: "lien avec les exploiteurs",
  places: "lieux",
};

const text = (value: unknown) => (typeof value === "string" ? value : undefined);
const list = (value: unknown) => (Array.isArray(value) ? value.filter((item) => typeof item === "string") : []);

/**
 * One French line for an entry's coded details. Details hold codes and ids only; an unknown code shows as itself
 * rather than breaking the timeline.
 */
export function describeTimelineDetails(entry: TimelineEntryView): string | undefined {
  const details = entry.details;
  switch (entry.kind) {
    case "closed": {
      const reason = text(details.reason);
      return reason ? `Motif : ${CLOSURE_REASON_LABELS[reason as ClosureReason] ?? reason}.` : undefined;
    }
    case "victim_status_recorded": {
      const status = text(details.status);
      const decidedBy = text(details.decidedBy);
      const decidedOn = text(details.decidedOn);
      if (!status) return undefined;
      return [
        VICTIM_STATUS_LABELS[status as VictimStatus] ?? status,
        decidedBy ? `décidé par : ${VICTIM_STATUS_DECIDER_LABELS[decidedBy as VictimStatusDecider] ?? decidedBy}` : "",
        decidedOn ? `le ${formatIsoDate(decidedOn)}` : "",
      ]
        .filter(Boolean)
        .join(", ");
    }
    case "profile_updated": {
      const fields = list(details.fields).map((field) => PROFILE_FIELD_LABELS[field] ?? field);
      return fields.length > 0 ? `Rubriques : ${fields.join(", ")}.` : undefined;
    }
    case "share_granted": {
      const sections = list(details.sections).map((s) => CASE_SECTION_LABELS[s as CaseSection] ?? s);
      const purpose = text(details.purpose);
      const expiresOn = text(details.expiresOn);
      return [
        purpose ? `Finalité : ${SHARE_PURPOSE_LABELS[purpose as SharePurpose] ?? purpose}` : "",
        sections.length > 0 ? `rubriques : ${sections.join(", ")}` : "",
        expiresOn ? `jusqu'au ${formatIsoDate(expiresOn)}` : "",
      ]
        .filter(Boolean)
        .join(", ");
    }
    case "transferred": {
      const from = text(details.fromDepartmentCode);
      const to = text(details.toDepartmentCode);
      return from && to ? `Département ${from} → département ${to}.` : undefined;
    }
    case "emergency_access": {
      const expiresAt = text(details.expiresAt);
      return expiresAt ? `Accès en lecture jusqu'au ${formatDateTimeLong(expiresAt)}.` : undefined;
    }
    case "assigned":
      return details.userId ? undefined : "Désignation retirée.";
    default:
      return undefined;
  }
}

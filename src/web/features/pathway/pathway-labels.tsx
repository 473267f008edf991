import { Badge } from "@codegouvfr/react-dsfr/Badge";
import type { DeadlineUnit } from "@shared/calendar/deadline-rules.ts";
import type { DeadlineUrgency, DeadlineView, InboxCategory } from "@shared/pathway.ts";

export const UNIT_LABELS: Record<DeadlineUnit, string> = {
  calendar_days: "jours calendaires",
  working_days: "jours ouvrés",
  months: "mois",
  before_birthday: "avant l'anniversaire",
  immediate: "sans délai",
};

/** "8 jours calendaires", "3 mois", "sans délai (48 h)": how a deadline's length reads on screen. */
export function deadlineLength(deadline: Pick<DeadlineView, "unit" | "amount">): string {
  switch (deadline.unit) {
    case "immediate":
      return `sans délai (cible : ${deadline.amount} h)`;
    case "before_birthday":
      return `avant les ${deadline.amount} ans`;
    default:
      return `${deadline.amount} ${UNIT_LABELS[deadline.unit]}`;
  }
}

export const SOURCE_LABELS = { legal: "Délai légal", policy: "Délai Repère" } as const;

const URGENCY: Record<DeadlineUrgency, { label: string; severity: "info" | "warning" | "error" }> = {
  upcoming: { label: "À venir", severity: "info" },
  warning: { label: "Échéance proche", severity: "warning" },
  overdue: { label: "En retard", severity: "error" },
};

export function DeadlineBadge({ deadline }: { deadline: Pick<DeadlineView, "status" | "urgency"> }) {
  if (deadline.status === "met") {
    return (
      <Badge as="span" severity="success" small>
        Respecté
      </Badge>
    );
  }
  if (deadline.status === "cancelled") {
    return (
      <Badge as="span" small noIcon>
        Sans objet
      </Badge>
    );
  }
  const urgency = URGENCY[deadline.urgency ?? "upcoming"];
  return (
    <Badge as="span" severity={urgency.severity} small>
      {urgency.label}
    </Badge>
  );
}

export const INBOX_CATEGORY_LABELS: Record<InboxCategory, string> = {
  overdue: "En retard",
  due_soon: "Échéance proche",
  awaiting_decision: "En attente de ma décision",
  information: "Pour information",
};

const localDate = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long" });

/** "25 mars 2025" from "2025-03-25", read as a calendar day (no time zone shift). */
export function formatLocalDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  return localDate.format(new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1, 12)));
}

/** A date and time in the département's own time zone (Réunion, Guyane…), which is where the deadline runs. */
export function formatInZone(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone }).format(new Date(iso));
}

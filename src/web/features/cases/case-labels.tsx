import type { CaseAccess } from "@shared/cases.ts";
import { ORGANISATION_TYPE_LABELS } from "@shared/roles.ts";

/** `<option>`s for a closed vocabulary, in the vocabulary's order. */
export function vocabularyOptions<T extends string>(codes: readonly T[], labels: Record<T, string>) {
  return codes.map((code) => (
    <option key={code} value={code}>
      {labels[code]}
    </option>
  ));
}

export const ACCESS_LABELS: Record<CaseAccess, string> = {
  full: "Accès complet",
  shared: "Accès partagé",
  emergency: "Accès d'urgence",
};

export function organisationTypeLabel(type: keyof typeof ORGANISATION_TYPE_LABELS): string {
  return ORGANISATION_TYPE_LABELS[type];
}

/** "2026-03-14" as "14/03/2026": dates without time are never shifted by a time zone. */
export function formatIsoDate(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split("-");
  return `${day}/${month}/${year}`;
}

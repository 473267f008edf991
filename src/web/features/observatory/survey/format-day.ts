const longDay = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" });

/** "2026-03-14" → "14 mars 2026": a calendar day, read in UTC so no time zone shifts it. */
export function formatDay(isoDate: string): string {
  return longDay.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

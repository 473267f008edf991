// Times are shown in metropolitan French time; overseas départements will need their own zone (see shared/calendar).
const dateTime = new Intl.DateTimeFormat("fr-FR", {
  dateStyle: "short",
  timeStyle: "medium",
  timeZone: "Europe/Paris",
});
const dateTimeShort = new Intl.DateTimeFormat("fr-FR", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "Europe/Paris",
});

/** "14/03/2026 15:04:05" */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** "14 mars 2026 à 15:04" */
export function formatDateTimeLong(iso: string): string {
  return dateTimeShort.format(new Date(iso));
}

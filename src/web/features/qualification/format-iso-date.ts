/** "2025-04-20" → "20/04/2025": ISO calendar dates carry no time, so no time zone may shift them. */
export function formatIsoDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split("-");
  return `${day}/${month}/${year}`;
}

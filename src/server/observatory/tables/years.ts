/** The years of a period, as table categories. */
export function yearsOf(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
}

/** When an action must be done, as data the case file can turn into a timer. */
export type Deadline =
  | { kind: "immediately" }
  | { kind: "same_day" }
  | { kind: "hours"; hours: number }
  | { kind: "calendar_days"; days: number }
  | { kind: "working_days"; days: number }
  | { kind: "as_soon_as_possible" };

/**
 * Longest time, in hours, a deadline can allow; used only to keep the stricter of two deadlines.
 * Working days are bounded by assuming a weekend falls in every started week.
 * "As soon as possible" has no bound, so any dated deadline is stricter.
 */
export function deadlineUpperBoundHours(deadline: Deadline): number {
  switch (deadline.kind) {
    case "immediately":
      return 0;
    case "same_day":
      return 24;
    case "hours":
      return deadline.hours;
    case "calendar_days":
      return deadline.days * 24;
    case "working_days":
      return (deadline.days + 2 * Math.ceil(deadline.days / 5)) * 24;
    case "as_soon_as_possible":
      return Number.POSITIVE_INFINITY;
  }
}

const KIND_ORDER: readonly Deadline["kind"][] = [
  "immediately",
  "same_day",
  "hours",
  "calendar_days",
  "working_days",
  "as_soon_as_possible",
];

/** The deadline that allows less time; on a tie, the kind that is easier to count, so the order of arguments never matters. */
export function stricterDeadline(a: Deadline, b: Deadline): Deadline {
  const difference = deadlineUpperBoundHours(a) - deadlineUpperBoundHours(b);
  if (difference !== 0) return difference < 0 ? a : b;
  return KIND_ORDER.indexOf(b.kind) < KIND_ORDER.indexOf(a.kind) ? b : a;
}

export function describeDeadline(deadline: Deadline): string {
  switch (deadline.kind) {
    case "immediately":
      return "Immédiatement";
    case "same_day":
      return "Le jour même";
    case "hours":
      return `Sous ${deadline.hours} h`;
    case "calendar_days":
      return `Sous ${deadline.days} jours`;
    case "working_days":
      return `Sous ${deadline.days} jours ouvrés`;
    case "as_soon_as_possible":
      return "Dès que possible";
  }
}

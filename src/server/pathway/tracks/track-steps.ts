import {
  findTransition,
  INITIAL_STATES,
  isStateOf,
  type NextStepView,
  TRACK_TRANSITIONS,
  type Track,
  type TrackState,
  type TrackTransition,
  type TransitionInput,
} from "@shared/pathway.ts";
import type { FieldError } from "@shared/problem.ts";
import { AppError } from "../../http/errors.ts";
import type { Actor } from "../../policy/actor.ts";
import { mayPerformStep } from "../../policy/policy.ts";

export type StepVia = "user" | "review" | "system";

/**
 * Where a track stands. Identification reads the case domain's victim status, which may also be recorded directly on
 * the case: a status recorded there after the track last moved wins, so the two never disagree.
 */
export function currentTrackState(
  track: Track,
  row: { state: string; observedVictimStatus: string | null } | undefined,
  caseVictimStatus: string | null,
): TrackState {
  if (track === "identification" && (row === undefined || row.observedVictimStatus !== caseVictimStatus)) {
    return caseVictimStatus !== null && isStateOf(track, caseVictimStatus)
      ? caseVictimStatus
      : row
        ? toState(track, row.state)
        : "none";
  }
  return row ? toState(track, row.state) : INITIAL_STATES[track];
}

function toState(track: Track, state: string): TrackState {
  if (!isStateOf(track, state)) throw new Error(`unknown ${track} state ${state}`);
  return state;
}

/**
 * Checks one step against the track's table, in the order a user can act on: a state that is not the track's is bad
 * input (400); a stale `from` (409 track_moved); a move the table does not allow (409); a performer it does not list
 * (403); a missing reason or reference (400). Nothing is written before this passes.
 */
export function checkStep(
  actor: Actor,
  track: Track,
  current: TrackState,
  input: Pick<TransitionInput, "from" | "to" | "reason" | "reference" | "trigger">,
  via: StepVia = "user",
): TrackTransition {
  const badStates: FieldError[] = [];
  if (!isStateOf(track, input.from)) badStates.push({ path: "from", message: "Étape inconnue pour ce parcours." });
  if (!isStateOf(track, input.to)) badStates.push({ path: "to", message: "Étape inconnue pour ce parcours." });
  if (badStates.length > 0) throw new AppError("invalid_input", 400, undefined, badStates);
  if (input.from !== current) throw new AppError("track_moved", 409);
  const transition = findTransition(track, current, input.to as TrackState);
  if (!transition) throw new AppError("transition_not_allowed", 409);
  if (!mayPerformStep(actor, transition.performers, via)) throw new AppError("transition_performer_not_allowed", 403);
  const missing: FieldError[] = [];
  if (transition.requiresReason && !input.reason) missing.push({ path: "reason", message: "Indiquez le motif." });
  if (transition.requiresReference && !input.reference)
    missing.push({ path: "reference", message: "Indiquez la référence de la procédure ou de la décision." });
  if (input.trigger && !transition.acceptsTrigger)
    missing.push({ path: "trigger", message: "Cette étape ne se rattache pas à un repérage." });
  if (missing.length > 0) throw new AppError("invalid_input", 400, undefined, missing);
  return transition;
}

/** The steps this actor could take from `current` in their own name (the route still checks access to the case). */
export function nextStepsFor(actor: Actor, track: Track, current: TrackState): NextStepView[] {
  return TRACK_TRANSITIONS[track]
    .filter((t) => t.from.includes(current) && mayPerformStep(actor, t.performers, "user"))
    .map((t) => ({
      to: t.to,
      label: t.label,
      requiresReason: t.requiresReason ?? false,
      requiresReference: t.requiresReference ?? false,
      acceptsTrigger: t.acceptsTrigger ?? false,
      occurredAtLabel: t.occurredAtLabel ?? null,
    }));
}

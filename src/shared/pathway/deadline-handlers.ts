import { DEADLINE_CODES, type DeadlineCode } from "../calendar/deadline-rules.ts";
import { type Performer, type RolePerformer, TRACK_TRANSITIONS, TRACKS } from "./tracks.ts";

const CASE_WORKERS: RolePerformer = {
  roles: ["educator", "ase_referent", "ase_manager", "crip_officer", "association_worker"],
};
const RECEIVING_TEAM: RolePerformer = { roles: ["ase_referent", "ase_manager"] };

/** Deadlines met outside the track tables: by the plan, a review, or the receiving team of a transfer. */
const HANDLED_OUTSIDE_TRACKS: Partial<Record<DeadlineCode, readonly Performer[]>> = {
  protection_plan: [CASE_WORKERS],
  plan_review: [CASE_WORKERS],
  presumed_victim_review: [CASE_WORKERS],
  transfer_acceptance: [RECEIVING_TEAM],
};

/**
 * Who can meet each deadline, for the inbox: the performers of the steps that meet it. A prosecutor sees the 8 days
 * to seize the judge, not the CRIP's 3 months.
 */
export const DEADLINE_HANDLERS: Readonly<Record<DeadlineCode, readonly Performer[]>> = handlersByCode();

function handlersByCode(): Record<DeadlineCode, readonly Performer[]> {
  const steps = TRACKS.flatMap((track) => TRACK_TRANSITIONS[track]);
  const handlers = {} as Record<DeadlineCode, readonly Performer[]>;
  for (const code of DEADLINE_CODES) {
    const fromTracks = steps.filter((t) => t.meets?.includes(code)).flatMap((t) => t.performers);
    handlers[code] = [...fromTracks, ...(HANDLED_OUTSIDE_TRACKS[code] ?? [])];
  }
  return handlers;
}

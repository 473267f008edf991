/** Every case query starts with this key, so a write can refresh the list and the open case at once. */
export const casesQueryKey = ["cases"] as const;

export const caseQueryKey = (id: string) => [...casesQueryKey, "file", id] as const;
export const caseTimelineQueryKey = (id: string) => [...casesQueryKey, "file", id, "timeline"] as const;
export const caseSharesQueryKey = (id: string) => [...casesQueryKey, "file", id, "shares"] as const;
export const linkProposalsQueryKey = [...casesQueryKey, "link-proposals"] as const;
export const emergencyAccessesQueryKey = [...casesQueryKey, "emergency-accesses"] as const;

/** The protection pathway (issue 6): tracks and their transition tables, measures, reviews, transfers, inbox. */
export * from "./pathway/api.ts";
export * from "./pathway/deadline-handlers.ts";
export * from "./pathway/measures.ts";
export * from "./pathway/reviews.ts";
export * from "./pathway/timeline.ts";
export * from "./pathway/tracks.ts";

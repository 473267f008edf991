import { PATHS } from "../../paths.ts";

export const reviewPath = (id: string) => PATHS.review.replace(":id", encodeURIComponent(id));
export const transferPath = (id: string) => PATHS.transfer.replace(":id", encodeURIComponent(id));

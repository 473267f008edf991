import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { SURVEY_RESPONSE_STATUS_LABELS, type SurveyResponseStatus } from "@shared/observatory.ts";

const SEVERITIES = {
  not_started: undefined,
  submitted: "info",
  correction_requested: "warning",
  validated: "success",
} as const satisfies Record<SurveyResponseStatus, "info" | "warning" | "success" | undefined>;

/** The status in words: the badge's colour only repeats it. */
export function SurveyStatusBadge({ status }: { status: SurveyResponseStatus }) {
  return (
    <Badge as="span" small noIcon={SEVERITIES[status] === undefined} severity={SEVERITIES[status]}>
      {SURVEY_RESPONSE_STATUS_LABELS[status]}
    </Badge>
  );
}

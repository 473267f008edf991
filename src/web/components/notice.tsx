import { Alert } from "@codegouvfr/react-dsfr/Alert";

/** A message after an action: success, or a warning such as "reloaded after a concurrent change". */
export interface Notice {
  severity: "success" | "warning" | "error";
  text: string;
}

export function NoticeAlert({ notice, onClose }: { notice: Notice | undefined; onClose: () => void }) {
  if (!notice) return null;
  return (
    <Alert
      severity={notice.severity}
      small
      role={notice.severity === "success" ? "status" : "alert"}
      description={notice.text}
      closable
      onClose={onClose}
      className="fr-mb-3w"
    />
  );
}

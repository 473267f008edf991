import { Button } from "@codegouvfr/react-dsfr/Button";
import type { Action } from "@shared/actions.ts";
import { useMutation } from "@tanstack/react-query";
import { api } from "../../api.ts";

/** Hands the browser a JSON file; the object URL is released once the download has started. */
export function downloadJson(filename: string, value: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

interface SubjectAccessDownloadProps {
  caseId: string;
  caseNumber?: string;
  can: readonly Action[];
}

/** GDPR subject access: everything held on the person, across the cases confirmed as them. The export is audited. */
export function SubjectAccessDownload({ caseId, caseNumber, can }: SubjectAccessDownloadProps) {
  const exportAccess = useMutation({
    mutationFn: () => api.exportSubjectAccess(caseId),
    onSuccess: (exported) => downloadJson(`repere-droit-d-acces-${caseNumber ?? caseId}.json`, exported),
  });
  if (!can.includes("case.export_subject")) return null;
  return (
    <div>
      {exportAccess.error && (
        <p className="fr-error-text" role="alert">
          {exportAccess.error.message}
        </p>
      )}
      <Button
        priority="secondary"
        iconId="fr-icon-download-line"
        onClick={() => exportAccess.mutate()}
        disabled={exportAccess.isPending}
      >
        Exporter les données (droit d'accès)
      </Button>
    </div>
  );
}

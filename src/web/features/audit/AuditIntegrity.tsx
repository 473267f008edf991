import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { AuditVerificationView } from "@shared/admin.ts";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { api } from "../../api.ts";
import { formatDateTimeLong } from "../../components/format-date.ts";

/** Verify the hash chain, and keep anchors outside Repère so that a rewritten chain cannot pass for the real one. */
export function AuditIntegrity() {
  const resultRef = useRef<HTMLDivElement>(null);
  const verify = useMutation({ mutationFn: api.verifyAudit });
  const takeAnchor = useMutation({ mutationFn: api.takeAuditAnchor });
  const download = useMutation({
    mutationFn: api.downloadLatestAuditAnchor,
    onSuccess: ({ filename, blob }) => {
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = filename;
      link.click();
      URL.revokeObjectURL(url);
    },
  });

  const hasOutcome = verify.data || verify.error || takeAnchor.data || takeAnchor.error || download.error;
  useEffect(() => {
    if (hasOutcome) resultRef.current?.focus();
  }, [hasOutcome]);

  return (
    <section aria-labelledby="integrity-title" className="fr-p-3w fr-background-alt--grey">
      <h2 id="integrity-title">Intégrité du journal</h2>
      <p>
        Une ancre est une empreinte signée de l'état du journal. Téléchargez-la régulièrement et conservez-la hors de
        Repère : elle permet de prouver que le journal n'a pas été réécrit depuis.
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        <li>
          <Button iconId="fr-icon-shield-line" onClick={() => verify.mutate()} disabled={verify.isPending}>
            {verify.isPending ? "Vérification en cours…" : "Vérifier l'intégrité"}
          </Button>
        </li>
        <li>
          <Button
            priority="secondary"
            iconId="fr-icon-download-line"
            onClick={() => download.mutate()}
            disabled={download.isPending}
          >
            Télécharger la dernière ancre
          </Button>
        </li>
        <li>
          <Button
            priority="secondary"
            iconId="ri-pushpin-line"
            onClick={() => takeAnchor.mutate()}
            disabled={takeAnchor.isPending}
          >
            Prendre une ancre
          </Button>
        </li>
      </ul>
      <div ref={resultRef} tabIndex={-1}>
        {verify.data && <VerificationResult result={verify.data} />}
        {verify.error && <Alert severity="error" small role="alert" description={verify.error.message} />}
        {takeAnchor.data && (
          <Alert
            severity="success"
            small
            role="status"
            className="fr-mt-2w"
            description={`Ancre n° ${takeAnchor.data.id} prise le ${formatDateTimeLong(takeAnchor.data.createdAt)}. Vous pouvez la télécharger.`}
          />
        )}
        {takeAnchor.error && <Alert severity="error" small role="alert" description={takeAnchor.error.message} />}
        {download.error && <Alert severity="error" small role="alert" description={download.error.message} />}
      </div>
    </section>
  );
}

function VerificationResult({ result }: { result: AuditVerificationView }) {
  const anchorText = result.anchor
    ? ` Comparé à l'ancre n° ${result.anchor.id} du ${formatDateTimeLong(result.anchor.createdAt)}.`
    : "";
  if (result.intact) {
    return (
      <Alert
        severity="success"
        role="status"
        className="fr-mt-2w"
        title="Le journal est intègre"
        description={`${result.checkedEntries} entrées vérifiées. ${result.message}${anchorText}`}
      />
    );
  }
  const broken = result.firstBroken;
  return (
    <Alert
      severity="error"
      role="alert"
      className="fr-mt-2w"
      title="Le journal a été altéré"
      description={
        <>
          {result.message}
          {anchorText}
          {broken && (
            <>
              <br />
              Première entrée en cause : {broken.id === null ? "inconnue" : `n° ${broken.id}`} (segment {broken.shard},
              position {broken.position}) — {broken.reason}
            </>
          )}
        </>
      }
    />
  );
}

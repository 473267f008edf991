import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import type { CaseView } from "@shared/cases.ts";
import type { QualificationResult } from "@shared/qualification/qualification-result.ts";
import type { ScreeningSubmission } from "@shared/screening/screening-submission.ts";
import type { CaseActionView } from "@shared/screenings.ts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { identificationApi } from "../../api.ts";
import { formatDateTime } from "../../components/format-date.ts";
import { LoadingMessage } from "../../components/LoadingMessage.tsx";
import { saveFile } from "../../components/save-file.ts";
import { QualificationForm } from "../qualification/QualificationForm.tsx";
import { QualificationResultView } from "../qualification/QualificationResultView.tsx";
import { EMPTY_QUALIFICATION_FORM } from "../qualification/qualification-form.ts";
import { ScreeningGrid } from "../screening/ScreeningGrid.tsx";
import { LEVEL_SEVERITY } from "../screening/ScreeningResultView.tsx";

const screeningsKey = (caseId: string) => ["cases", caseId, "screenings"] as const;
const actionsKey = (caseId: string) => ["cases", caseId, "actions"] as const;

/**
 * Identification on the case itself: the screenings recorded, the grid to record a new one, the legal qualification,
 * what the law now requires and by when, and the signalement to the parquet.
 */
export function CaseIdentificationTab({ caseFile }: { caseFile: CaseView }) {
  const canWrite = caseFile.can.includes("case.record_qualification") && caseFile.status === "open";
  return (
    <>
      <h2 className="fr-h4">Repérage et qualification</h2>
      <ScreeningsSection caseFile={caseFile} canWrite={canWrite} />
      {canWrite && <QualificationSection caseId={caseFile.id} />}
      <ActionsSection caseFile={caseFile} />
      {caseFile.can.includes("case.signalement") && <SignalementSection caseFile={caseFile} />}
    </>
  );
}

function ScreeningsSection({ caseFile, canWrite }: { caseFile: CaseView; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const [gridOpen, setGridOpen] = useState(false);
  const screenings = useQuery({
    queryKey: screeningsKey(caseFile.id),
    queryFn: () => identificationApi.listScreenings(caseFile.id),
  });
  const save = useMutation({
    mutationFn: (submission: ScreeningSubmission) => identificationApi.recordScreening(caseFile.id, submission),
    onSuccess: async () => {
      setGridOpen(false);
      await queryClient.invalidateQueries({ queryKey: ["cases", caseFile.id] });
    },
  });
  return (
    <section className="fr-mt-3w" aria-labelledby="reperages">
      <h3 id="reperages" className="fr-h5">
        Repérages
      </h3>
      {screenings.error && <Alert severity="error" small role="alert" description={screenings.error.message} />}
      {screenings.isPending ? (
        <LoadingMessage />
      ) : screenings.data?.length ? (
        <ul className="fr-raw-list">
          {screenings.data.map((s) => (
            <li key={s.id} className="fr-mb-1w">
              <Badge severity={LEVEL_SEVERITY[s.level]} noIcon small>
                {s.levelLabel}
              </Badge>{" "}
              Grille {s.gridVersion}, mode {s.mode === "brief" ? "court" : "complet"}, le {s.screenedOn}
              {s.author.name ? ` — ${s.author.name}${s.author.organisation ? ` (${s.author.organisation})` : ""}` : ""}
              {s.result.override ? ` — niveau ajusté : ${s.result.override.reason ?? ""}` : ""}
            </li>
          ))}
        </ul>
      ) : (
        <p>Aucun repérage enregistré sur ce dossier.</p>
      )}
      {save.error && (
        <Alert
          severity="error"
          small
          role="alert"
          title={save.error.message}
          description="Le repérage n'a pas été enregistré."
        />
      )}
      {canWrite &&
        (gridOpen ? (
          <div className="fr-mt-2w">
            <ScreeningGrid onSave={(submission) => save.mutate(submission)} />
            <Button priority="secondary" className="fr-mt-2w" onClick={() => setGridOpen(false)}>
              Fermer la grille sans enregistrer
            </Button>
          </div>
        ) : (
          <Button iconId="fr-icon-add-line" onClick={() => setGridOpen(true)}>
            Nouveau repérage
          </Button>
        ))}
    </section>
  );
}

function QualificationSection({ caseId }: { caseId: string }) {
  const queryClient = useQueryClient();
  const [result, setResult] = useState<QualificationResult>();
  return (
    <section className="fr-mt-4w" aria-labelledby="qualification-dossier">
      <h3 id="qualification-dossier" className="fr-h5">
        Qualification juridique des faits
      </h3>
      <QualificationForm
        initial={EMPTY_QUALIFICATION_FORM}
        submit={async (input) => (await identificationApi.recordQualification(caseId, input)).result}
        onResult={async (qualification) => {
          setResult(qualification);
          await queryClient.invalidateQueries({ queryKey: actionsKey(caseId) });
        }}
      />
      {result && <QualificationResultView result={result} />}
    </section>
  );
}

const STATUS_SEVERITY = { to_do: "warning", done: "success", not_applicable: "info" } as const;

function ActionsSection({ caseFile }: { caseFile: CaseView }) {
  const actions = useQuery({
    queryKey: actionsKey(caseFile.id),
    queryFn: () => identificationApi.listActions(caseFile.id),
  });
  const canUpdate = caseFile.can.includes("case.update_action");
  return (
    <section className="fr-mt-4w" aria-labelledby="actions-requises">
      <h3 id="actions-requises" className="fr-h5">
        Actions requises par la loi
      </h3>
      {actions.error && <Alert severity="error" small role="alert" description={actions.error.message} />}
      {actions.isPending ? (
        <LoadingMessage />
      ) : actions.data?.length ? (
        <ul className="fr-raw-list">
          {actions.data.map((action) => (
            <ActionItem key={action.code} caseId={caseFile.id} action={action} canUpdate={canUpdate} />
          ))}
        </ul>
      ) : (
        <p>Aucune action requise pour l'instant : elles apparaissent après un repérage ou une qualification.</p>
      )}
    </section>
  );
}

function ActionItem({ caseId, action, canUpdate }: { caseId: string; action: CaseActionView; canUpdate: boolean }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const [askingReason, setAskingReason] = useState(false);
  const update = useMutation({
    mutationFn: (update: Parameters<typeof identificationApi.updateAction>[2]["update"]) =>
      identificationApi.updateAction(caseId, action.code, { version: action.version, update }),
    onSuccess: (list) => queryClient.setQueryData(actionsKey(caseId), list),
  });
  const today = new Date().toISOString().slice(0, 10);
  return (
    <li className="fr-mb-2w">
      <p className="fr-mb-1v">
        <Badge severity={STATUS_SEVERITY[action.status]} noIcon small>
          {action.statusLabel}
        </Badge>{" "}
        {action.overdue && (
          <Badge severity="error" small>
            En retard
          </Badge>
        )}{" "}
        <strong>{action.label}</strong>
      </p>
      <p className="fr-hint-text fr-mb-1v">
        {action.deadlineText}
        {action.dueAt ? ` — échéance : ${formatDateTime(action.dueAt)}` : ""} — {action.legalBasis}
        {action.doneOn ? ` — fait le ${action.doneOn}` : ""}
        {action.reason ? ` — sans objet : ${action.reason}` : ""}
      </p>
      {update.error && <Alert severity="error" small role="alert" description={update.error.message} />}
      {canUpdate && action.status === "to_do" && (
        <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
          <Button size="small" onClick={() => update.mutate({ status: "done", doneOn: today })}>
            Marquer comme fait aujourd'hui
          </Button>
          <Button size="small" priority="secondary" onClick={() => setAskingReason(true)}>
            Sans objet…
          </Button>
        </div>
      )}
      {askingReason && (
        <form
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            update.mutate({ status: "not_applicable", reason });
          }}
        >
          <Input
            label="Pourquoi cette action est-elle sans objet ?"
            textArea
            nativeTextAreaProps={{
              value: reason,
              onChange: (e) => setReason(e.target.value),
              maxLength: 2000,
              required: true,
            }}
          />
          <Button size="small" type="submit">
            Enregistrer
          </Button>
        </form>
      )}
    </li>
  );
}

function SignalementSection({ caseFile }: { caseFile: CaseView }) {
  const [facts, setFacts] = useState("");
  const [measures, setMeasures] = useState("");
  const [includeIdentity, setIncludeIdentity] = useState(true);
  const generate = useMutation({
    mutationFn: () =>
      identificationApi.downloadSignalement(caseFile.id, {
        factsSummary: facts,
        measuresRequested: measures
          .split("\n")
          .map((line) => line.trim())
          .filter(Boolean),
        includeIdentity,
      }),
    onSuccess: saveFile,
  });
  return (
    <section className="fr-mt-4w" aria-labelledby="signalement">
      <h3 id="signalement" className="fr-h5">
        Signalement au procureur de la République
      </h3>
      <p>
        Le document reprend le dernier repérage et la dernière qualification enregistrés, et s'adresse au parquet du
        département du dossier. Il est produit pour vous seulement : Repère ne le conserve pas. Sa génération est
        journalisée.
      </p>
      <form
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          generate.mutate();
        }}
      >
        <Input
          label="Résumé des faits"
          hintText="Ce que vous avez constaté ou ce qui vous a été confié, daté, sans interprétation."
          textArea
          nativeTextAreaProps={{
            value: facts,
            onChange: (e) => setFacts(e.target.value),
            maxLength: 10_000,
            required: true,
            rows: 6,
          }}
        />
        <Input
          label="Mesures sollicitées (une par ligne)"
          textArea
          nativeTextAreaProps={{ value: measures, onChange: (e) => setMeasures(e.target.value), rows: 3 }}
        />
        <Checkbox
          options={[
            {
              label: "Inclure l'identité du jeune (si votre accès le permet)",
              nativeInputProps: { checked: includeIdentity, onChange: (e) => setIncludeIdentity(e.target.checked) },
            },
          ]}
        />
        {generate.error && <Alert severity="error" small role="alert" description={generate.error.message} />}
        <Button type="submit" iconId="fr-icon-download-line" disabled={generate.isPending || facts.trim() === ""}>
          Générer le signalement (PDF)
        </Button>
      </form>
    </section>
  );
}

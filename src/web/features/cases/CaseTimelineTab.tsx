import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { AddNoteInput, type CaseView, NOTE_MAX_LENGTH, TIMELINE_ENTRY_KIND_LABELS } from "@shared/cases.ts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { api } from "../../api.ts";
import { FormErrorAlert } from "../../components/FormErrorAlert.tsx";
import { type FormErrors, NO_ERRORS } from "../../components/form-errors.ts";
import { formatDateTimeLong } from "../../components/format-date.ts";
import { LoadingMessage } from "../../components/LoadingMessage.tsx";
import { fieldStateAt, invalidAt, nestedErrorsFromUnknown, nestedErrorsFromZod } from "./case-form-errors.ts";
import { caseTimelineQueryKey } from "./cases-query.ts";
import { describeTimelineDetails } from "./timeline-details.ts";

/** The case's history, newest first; reading it is audited on the server, so it loads only when the tab opens. */
export function CaseTimelineTab({ caseFile }: { caseFile: CaseView }) {
  const timeline = useQuery({
    queryKey: caseTimelineQueryKey(caseFile.id),
    queryFn: () => api.getCaseTimeline(caseFile.id),
  });
  const canAddNote = caseFile.can.includes("case.add_note") && caseFile.status === "open";
  const entries = [...(timeline.data ?? [])].reverse();

  return (
    <>
      <h2 className="fr-h4">Chronologie</h2>
      {canAddNote && <AddNoteForm caseId={caseFile.id} />}
      {timeline.error && <Alert severity="error" small role="alert" description={timeline.error.message} />}
      {timeline.isPending ? (
        <LoadingMessage />
      ) : entries.length === 0 ? (
        <p>Aucun événement.</p>
      ) : (
        <>
          <p className="fr-hint-text">Du plus récent au plus ancien.</p>
          <ol className="fr-raw-list">
            {entries.map((entry) => {
              const details = describeTimelineDetails(entry);
              return (
                <li
                  key={entry.id}
                  className="fr-mb-3w fr-pl-2w"
                  style={{ borderLeft: "4px solid var(--border-default-blue-france)" }}
                >
                  <h3 className="fr-text--md fr-text--bold fr-mb-0">
                    {TIMELINE_ENTRY_KIND_LABELS[entry.kind] ?? entry.kind}
                  </h3>
                  <p className="fr-text--sm fr-mb-1w">
                    {formatDateTimeLong(entry.occurredAt)}
                    {entry.author && ` — ${entry.author.displayName}`}
                    {entry.authorOrganisation && ` (${entry.authorOrganisation.name})`}
                  </p>
                  {details && <p className="fr-text--sm fr-mb-1w">{details}</p>}
                  {entry.text && <p style={{ whiteSpace: "pre-wrap" }}>{entry.text}</p>}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </>
  );
}

function AddNoteForm({ caseId }: { caseId: string }) {
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [text, setText] = useState("");
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState(false);

  const addNote = useMutation({
    mutationFn: (input: AddNoteInput) => api.addCaseNote(caseId, input),
    onSuccess: async () => {
      setText("");
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: caseTimelineQueryKey(caseId) });
    },
    onError: (error) => setErrors(nestedErrorsFromUnknown(error)),
  });

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const parsed = AddNoteInput.safeParse({ text });
    if (!parsed.success) {
      setErrors(nestedErrorsFromZod(parsed.error));
      return;
    }
    setErrors(NO_ERRORS);
    addNote.mutate(parsed.data);
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="fr-mb-4w">
      <FormErrorAlert errors={errors} formRef={formRef} />
      <Input
        label="Ajouter une note"
        hintText={`${text.length} / ${NOTE_MAX_LENGTH} caractères. Pas de détails inutiles : la note est lisible par les personnes à qui la chronologie est partagée.`}
        textArea
        {...fieldStateAt(errors, "text")}
        nativeTextAreaProps={{
          name: "text",
          rows: 4,
          maxLength: NOTE_MAX_LENGTH,
          value: text,
          onChange: (event) => setText(event.target.value),
          "aria-invalid": invalidAt(errors, "text"),
        }}
      />
      <p role="status" className="fr-sr-only">
        {saved ? "La note a été ajoutée." : ""}
      </p>
      <Button type="submit" priority="secondary" disabled={addNote.isPending}>
        Ajouter la note
      </Button>
    </form>
  );
}

import { Button } from "@codegouvfr/react-dsfr/Button";
import { type CaseView, TRANSFER_DESTINATION_TYPES, TransferCaseInput } from "@shared/cases.ts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { ApiProblem, api } from "../../api.ts";
import { FormButtons } from "../../components/FormButtons.tsx";
import { FormErrorAlert } from "../../components/FormErrorAlert.tsx";
import { type FormErrors, NO_ERRORS } from "../../components/form-errors.ts";
import type { Notice } from "../../components/notice.tsx";
import { ConflictReload } from "./ConflictReload.tsx";
import { errorAt, nestedErrorsFromUnknown, nestedErrorsFromZod } from "./case-form-errors.ts";
import { caseQueryKey, casesQueryKey } from "./cases-query.ts";
import { OrganisationPicker } from "./OrganisationPicker.tsx";
import { useReloadCase } from "./use-case-change.ts";

interface TransferFormProps {
  caseFile: CaseView;
  onNotice: (notice: Notice) => void;
  /** The caller may lose access with the transfer: the page then leaves the case. */
  onLostAccess: () => void;
}

export function TransferForm({ caseFile, onNotice, onLostAccess }: TransferFormProps) {
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [isOpen, setIsOpen] = useState(false);
  const [organisationId, setOrganisationId] = useState("");
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [isConflict, setIsConflict] = useState(false);
  const reload = useReloadCase(caseFile.id);

  const transfer = useMutation({
    mutationFn: (input: TransferCaseInput) => api.transferCase(caseFile.id, input),
    onSuccess: async ({ case: updated }) => {
      await queryClient.invalidateQueries({ queryKey: casesQueryKey, refetchType: "none" });
      if (!updated) {
        queryClient.removeQueries({ queryKey: caseQueryKey(caseFile.id) });
        onLostAccess();
        return;
      }
      queryClient.setQueryData(caseQueryKey(caseFile.id), updated);
      setIsOpen(false);
      onNotice({ severity: "success", text: `Le dossier est transféré à ${updated.ownerOrganisation.name}.` });
    },
    onError: (error) => {
      setIsConflict(error instanceof ApiProblem && error.code === "conflict");
      setErrors(nestedErrorsFromUnknown(error));
    },
  });

  if (!caseFile.can.includes("case.transfer") || caseFile.anonymisedAt) return null;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = TransferCaseInput.safeParse({ version: caseFile.version, organisationId });
    if (!parsed.success) {
      setErrors(nestedErrorsFromZod(parsed.error));
      return;
    }
    setErrors(NO_ERRORS);
    transfer.mutate(parsed.data);
  }

  if (!isOpen) {
    return (
      <Button priority="secondary" iconId="fr-icon-send-plane-line" onClick={() => setIsOpen(true)}>
        Transférer le dossier
      </Button>
    );
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="fr-p-2w fr-background-alt--grey">
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">Transférer le dossier à une autre organisation</legend>
        <div className="fr-fieldset__element">
          <p className="fr-text--sm">
            Le numéro, l'historique et les partages suivent le dossier. Le référent ou la référente actuel·le est
            retiré·e, et votre organisation peut perdre l'accès.
          </p>
          <FormErrorAlert errors={errors} formRef={formRef} />
          {isConflict && <ConflictReload onReload={reload} />}
        </div>
        <div className="fr-fieldset__element fr-col-12 fr-col-md-8">
          <OrganisationPicker
            label="Organisation destinataire"
            name="organisationId"
            value={organisationId}
            onChange={setOrganisationId}
            types={TRANSFER_DESTINATION_TYPES}
            excludeId={caseFile.ownerOrganisation.id}
            error={errorAt(errors, "organisationId")}
          />
        </div>
        <FormButtons
          submit="Confirmer le transfert"
          pending={transfer.isPending}
          onCancel={() => setIsOpen(false)}
          small
        />
      </fieldset>
    </form>
  );
}

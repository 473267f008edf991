import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { z } from "zod";
import { api } from "../../api.ts";
import { FormErrorAlert } from "../../components/FormErrorAlert.tsx";
import { type FormErrors, NO_ERRORS } from "../../components/form-errors.ts";
import { PATHS } from "../../paths.ts";
import { fieldStateAt, invalidAt, nestedErrorsFromUnknown } from "./case-form-errors.ts";
import { downloadJson } from "./SubjectAccessDownload.tsx";

const CaseId = z.uuid();

/**
 * GDPR subject access for administrators, who never open cases: they give the case's identifier (from the request
 * or the audit log) and receive every case confirmed as the same person, in their scope, as one JSON file.
 */
export default function SubjectAccessPage() {
  const formRef = useRef<HTMLFormElement>(null);
  const [caseId, setCaseId] = useState("");
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [done, setDone] = useState<string>();

  const exportAccess = useMutation({
    mutationFn: (id: string) => api.exportSubjectAccess(id),
    onSuccess: (exported, id) => {
      const number = exported.cases[0]?.case.number ?? id;
      downloadJson(`repere-droit-d-acces-${number}.json`, exported);
      setDone(`Export téléchargé : ${exported.cases.length} dossier${exported.cases.length > 1 ? "s" : ""}.`);
    },
    onError: (error) => setErrors(nestedErrorsFromUnknown(error)),
  });

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setDone(undefined);
    const id = caseId.trim().toLowerCase();
    if (!CaseId.safeParse(id).success) {
      setErrors({
        title: "Identifiant invalide.",
        fields: { caseId: "Identifiant de dossier invalide (36 caractères)." },
      });
      return;
    }
    setErrors(NO_ERRORS);
    exportAccess.mutate(id);
  }

  return (
    <>
      <title>Droit d'accès — Repère</title>
      <Breadcrumb currentPageLabel="Droit d'accès" homeLinkProps={{ to: PATHS.home }} segments={[]} />
      <h1>Droit d'accès aux données</h1>
      <p>
        Pour répondre à une demande d'accès (RGPD, article 15) : tout ce que Repère détient sur la personne, y compris
        les dossiers confirmés comme la concernant, dans votre périmètre. L'export est enregistré dans le journal
        d'audit.
      </p>
      <form ref={formRef} onSubmit={handleSubmit} noValidate>
        <FormErrorAlert errors={errors} formRef={formRef} />
        <Input
          label="Identifiant du dossier"
          hintText="Identifiant à 36 caractères, tel qu'il figure dans le journal d'audit."
          className="fr-col-12 fr-col-md-8"
          {...fieldStateAt(errors, "caseId")}
          nativeInputProps={{
            name: "caseId",
            autoComplete: "off",
            spellCheck: false,
            value: caseId,
            onChange: (event) => setCaseId(event.target.value),
            "aria-invalid": invalidAt(errors, "caseId"),
          }}
        />
        <p role="status">{done}</p>
        <Button type="submit" iconId="fr-icon-download-line" disabled={exportAccess.isPending}>
          Exporter les données
        </Button>
      </form>
    </>
  );
}

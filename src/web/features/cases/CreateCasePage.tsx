import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { type CaseCreatedView, CreateCaseInput } from "@shared/cases.ts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { api } from "../../api.ts";
import { DepartmentOptions } from "../../components/DepartmentOptions.tsx";
import { FormErrorAlert } from "../../components/FormErrorAlert.tsx";
import { type FormErrors, NO_ERRORS } from "../../components/form-errors.ts";
import { PATHS } from "../../paths.ts";
import { useActiveSession } from "../../session.ts";
import { fieldStateAt, invalidAt, nestedErrorsFromUnknown, nestedErrorsFromZod } from "./case-form-errors.ts";
import { EMPTY_IDENTITY_DRAFT, EMPTY_PROFILE_DRAFT, identityInputOf, profileInputOf } from "./case-form-model.ts";
import { caseFilePath } from "./case-paths.ts";
import { casesQueryKey } from "./cases-query.ts";
import { newFormKey } from "./form-key.ts";
import { IdentityFields } from "./IdentityFields.tsx";
import { ProfileFields } from "./ProfileFields.tsx";

/** What the case page says once, right after the creation. */
export interface CaseCreatedState {
  created: { number: string; linkProposalCount: number };
}

export default function CreateCasePage() {
  const session = useActiveSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  // One key for the life of this form: a second click, or a retry after a lost answer, returns the same case.
  const [idempotencyKey] = useState(newFormKey);
  const [departmentCode, setDepartmentCode] = useState("");
  const [identity, setIdentity] = useState(EMPTY_IDENTITY_DRAFT);
  const [profile, setProfile] = useState(EMPTY_PROFILE_DRAFT);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  const create = useMutation({
    mutationFn: (input: CreateCaseInput) => api.createCase(input, idempotencyKey),
    onSuccess: async (created: CaseCreatedView) => {
      await queryClient.invalidateQueries({ queryKey: casesQueryKey });
      const state: CaseCreatedState = {
        created: { number: created.number, linkProposalCount: created.linkProposalCount },
      };
      navigate(caseFilePath(created.id), { state });
    },
    onError: (error) => setErrors(nestedErrorsFromUnknown(error)),
  });

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (create.isPending) return;
    const parsed = CreateCaseInput.safeParse({
      ...(departmentCode ? { departmentCode } : {}),
      identity: identityInputOf(identity),
      profile: profileInputOf(profile),
    });
    if (!parsed.success) {
      setErrors(nestedErrorsFromZod(parsed.error));
      return;
    }
    setErrors(NO_ERRORS);
    create.mutate(parsed.data);
  }

  const ownDepartment = session.user.organisation.departmentCode;

  return (
    <>
      <title>Nouveau dossier — Repère</title>
      <Breadcrumb
        currentPageLabel="Nouveau dossier"
        homeLinkProps={{ to: PATHS.home }}
        segments={[{ label: "Dossiers", linkProps: { to: PATHS.cases } }]}
      />
      <h1>Nouveau dossier</h1>
      <p className="fr-hint-text">
        Seul le nom est obligatoire. Les autres informations peuvent être complétées plus tard, dans le profil du
        dossier.
      </p>
      <form ref={formRef} onSubmit={handleSubmit} noValidate>
        <FormErrorAlert errors={errors} formRef={formRef} />
        <Select
          label="Département du dossier"
          hint={ownDepartment ? `Par défaut, celui de votre organisation (${ownDepartment}).` : undefined}
          className="fr-col-12 fr-col-md-6"
          {...fieldStateAt(errors, "departmentCode")}
          nativeSelectProps={{
            name: "departmentCode",
            value: departmentCode,
            onChange: (event) => setDepartmentCode(event.target.value),
            "aria-invalid": invalidAt(errors, "departmentCode"),
          }}
        >
          <option value="">{ownDepartment ? "Celui de mon organisation" : "Choisir un département"}</option>
          <DepartmentOptions />
        </Select>
        <IdentityFields draft={identity} errors={errors} onChange={setIdentity} />
        <ProfileFields draft={profile} errors={errors} onChange={setProfile} headingLevel="h2" />
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? "Création en cours…" : "Créer le dossier"}
            </Button>
          </li>
          <li>
            <Button priority="secondary" linkProps={{ to: PATHS.cases }}>
              Annuler
            </Button>
          </li>
        </ul>
      </form>
    </>
  );
}

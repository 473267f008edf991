import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import type { QualificationResult } from "@shared/qualification/qualification-result.ts";
import { useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { PATHS } from "../../paths.ts";
import { QualificationForm } from "./QualificationForm.tsx";
import { QualificationResultView } from "./QualificationResultView.tsx";
import { initialFormFromSearch } from "./qualification-form.ts";

export default function QualificationPage() {
  const [search] = useSearchParams();
  const [initial] = useState(() => initialFormFromSearch(search));
  const [result, setResult] = useState<QualificationResult>();
  const resultHeadingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    // The result appears below a long form: take the user (and the screen reader) straight to it.
    if (result) resultHeadingRef.current?.focus();
  }, [result]);

  return (
    <>
      <title>Qualification juridique — Repère</title>
      <Breadcrumb currentPageLabel="Qualification juridique" homeLinkProps={{ to: PATHS.home }} segments={[]} />
      <h1>Qualification juridique</h1>
      <p className="fr-text--lead">
        Les faits connus réunissent-ils les éléments de la traite des êtres humains (article 225-4-1 du Code pénal) ?
      </p>
      <p>
        Le résultat est une aide à l'analyse : il ne remplace ni l'avis d'un juriste ni la décision du procureur de la
        République. Aucune donnée n'est enregistrée.
      </p>
      <QualificationForm initial={initial} onResult={setResult} />
      {result && <QualificationResultView ref={resultHeadingRef} result={result} />}
    </>
  );
}

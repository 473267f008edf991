import { Link } from "react-router";
import { PATHS } from "../../paths.ts";

export function NotFoundPage() {
  return (
    <>
      <title>Page introuvable — Repère</title>
      <h1 className="fr-mt-4w">Page introuvable</h1>
      <p className="fr-text--sm fr-mb-3w">Erreur 404</p>
      <p className="fr-text--lead">La page que vous cherchez est introuvable. Excusez-nous pour la gêne occasionnée.</p>
      <p>
        Si vous avez tapé l'adresse web dans le navigateur, vérifiez qu'elle est correcte. La page n'est peut-être plus
        disponible.
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        <li>
          <Link className="fr-btn" to={PATHS.home}>
            Page d'accueil
          </Link>
        </li>
      </ul>
    </>
  );
}

import { Footer } from "@codegouvfr/react-dsfr/Footer";
import { Header, type HeaderProps } from "@codegouvfr/react-dsfr/Header";
import type { MainNavigationProps } from "@codegouvfr/react-dsfr/MainNavigation";
import { SkipLinks } from "@codegouvfr/react-dsfr/SkipLinks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Suspense, useEffect, useRef } from "react";
import { Outlet, useLocation, useNavigate } from "react-router";
import { api } from "../api.ts";
import { CAPABILITIES } from "../capabilities.ts";
import { PATHS } from "../paths.ts";
import { markSignedOut, useSessionState } from "../session.ts";
import { LoadingMessage } from "./LoadingMessage.tsx";

const BRAND_TOP = (
  <>
    République
    <br />
    Française
  </>
);

/** Header, footer and skip links around every page; moves the focus to the content after each navigation. */
export function AppLayout() {
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mainRef = useRef<HTMLElement>(null);
  const previousPathname = useRef(location.pathname);
  const { data } = useSessionState();
  const session = data?.view?.stage === "active" ? data.view : null;

  useEffect(() => {
    if (previousPathname.current === location.pathname) return;
    previousPathname.current = location.pathname;
    // A screen reader would otherwise stay on the link just followed, unaware that the page changed.
    mainRef.current?.focus();
  }, [location.pathname]);

  const logout = useMutation({
    mutationFn: api.logout,
    onSettled: () => {
      markSignedOut(queryClient, "logged_out");
      navigate(PATHS.login, { replace: true });
    },
  });

  const quickAccessItems: HeaderProps.QuickAccessItem[] = session
    ? [
        {
          iconId: "fr-icon-account-circle-line",
          text: `${session.user.displayName} — ${session.user.organisation.name}`,
          linkProps: { to: PATHS.account },
        },
        {
          iconId: "fr-icon-logout-box-r-line",
          text: "Se déconnecter",
          buttonProps: { onClick: () => logout.mutate(), disabled: logout.isPending },
        },
      ]
    : [];

  const navigation: MainNavigationProps.Item[] | undefined = session
    ? [
        { text: "Accueil", linkProps: { to: PATHS.home }, isActive: location.pathname === PATHS.home },
        ...CAPABILITIES.filter((capability) => capability.inNavigation && session.can.includes(capability.action)).map(
          (capability) => ({
            text: capability.title,
            linkProps: { to: capability.path },
            isActive: location.pathname.startsWith(capability.path),
          }),
        ),
      ]
    : undefined;

  return (
    <>
      <SkipLinks
        links={[
          { label: "Contenu", anchor: "#contenu" },
          { label: "Pied de page", anchor: "#pied-de-page" },
        ]}
      />
      <Header
        brandTop={BRAND_TOP}
        homeLinkProps={{ to: PATHS.home, title: "Accueil — Repère" }}
        serviceTitle="Repère"
        serviceTagline="Repérer, protéger et suivre les mineurs victimes de traite"
        quickAccessItems={quickAccessItems}
        navigation={navigation}
      />
      <main id="contenu" ref={mainRef} tabIndex={-1} className="fr-container fr-pb-6w" style={{ outline: "none" }}>
        <Suspense fallback={<LoadingMessage />}>
          <Outlet />
        </Suspense>
      </main>
      <Footer
        id="pied-de-page"
        accessibility="non compliant"
        contentDescription="Repère aide les professionnels de la protection de l'enfance, de la justice et des forces de l'ordre à repérer, protéger et suivre les mineurs victimes de traite des êtres humains."
        brandTop={BRAND_TOP}
        homeLinkProps={{ to: PATHS.home, title: "Accueil — Repère" }}
      />
    </>
  );
}

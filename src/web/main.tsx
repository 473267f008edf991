import "@codegouvfr/react-dsfr/main.css";
import "@codegouvfr/react-dsfr/dsfr/utility/icons/icons.min.css";
import { startReactDsfr } from "@codegouvfr/react-dsfr/spa";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Link, RouterProvider } from "react-router";
import { ApiProblem, onUnauthenticated } from "./api.ts";
import { createAppRouter } from "./routes.tsx";
import { markSignedOut } from "./session.ts";

declare module "@codegouvfr/react-dsfr/spa" {
  interface RegisterLink {
    Link: typeof Link;
  }
}

startReactDsfr({ defaultColorScheme: "system", Link });

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal or a validation error will not change by asking again.
      retry: (failureCount, error) => !(error instanceof ApiProblem && error.status < 500) && failureCount < 2,
      refetchOnWindowFocus: false,
    },
  },
});

onUnauthenticated((code) => markSignedOut(queryClient, code));

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={createAppRouter()} />
    </QueryClientProvider>
  </StrictMode>,
);

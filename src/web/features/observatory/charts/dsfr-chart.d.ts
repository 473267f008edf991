// dsfr-chart ships no type declarations: its modules only register custom elements (typed in dsfr-chart-elements.ts).
declare module "@gouvfr/dsfr-chart";
declare module "@gouvfr/dsfr-chart/css";

import { z } from "zod";

// zod ships French messages; loading them here means server and browser explain invalid input in the same words.
z.config(z.locales.fr());

export { z };

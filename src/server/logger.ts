import pino, { type Logger } from "pino";

// A safety net: code logs ids and codes, but if a person's data slips into a log call these keys are blanked.
const REDACTED_KEYS = [
  "password",
  "currentPassword",
  "newPassword",
  "temporaryPassword",
  "recoveryCode",
  "recoveryCodes",
  "secret",
  "otpauthUri",
  "email",
  "displayName",
  "surname",
  "firstNames",
  "birthDate",
  "phone",
  "phones",
  "address",
  "note",
  "text",
  "req.headers.cookie",
  "req.headers['x-csrf-token']",
  'res.headers["set-cookie"]',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const paths = REDACTED_KEYS.flatMap((key) => (key.includes(".") ? [key] : [key, `*.${key}`]));
  return pino({ level, redact: { paths, censor: "[masqué]" }, base: { service: "repere" } }, destination);
}

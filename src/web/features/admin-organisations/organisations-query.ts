export const organisationsQueryKey = ["admin", "organisations"] as const;

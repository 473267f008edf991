export const usersQueryKey = ["admin", "users"] as const;

-- App servers keep a signed-in session in memory for a few seconds (auth/session-cache.ts). Any change that can end
-- or narrow a session — revocation, a new token or stage, a user's roles or activity, an organisation's — tells every
-- server to forget what it holds, through NOTIFY, whoever made the change (another server, the CLI, an operator in
-- psql). The notice is sent at commit; identical notices of one transaction are sent once.
CREATE FUNCTION repere_notify_auth_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('repere_auth_changed', '');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A session's last activity is written once a minute and does not change who may do what: those writes stay quiet.
CREATE TRIGGER sessions_auth_changed AFTER UPDATE ON sessions FOR EACH ROW
  WHEN (old.revoked_at IS DISTINCT FROM new.revoked_at OR old.id_hash IS DISTINCT FROM new.id_hash
        OR old.stage IS DISTINCT FROM new.stage OR old.absolute_expires_at IS DISTINCT FROM new.absolute_expires_at)
  EXECUTE FUNCTION repere_notify_auth_changed();
--> statement-breakpoint
CREATE TRIGGER sessions_auth_deleted AFTER DELETE ON sessions FOR EACH STATEMENT
  EXECUTE FUNCTION repere_notify_auth_changed();
--> statement-breakpoint
CREATE TRIGGER users_auth_changed AFTER UPDATE OR DELETE ON users FOR EACH STATEMENT
  EXECUTE FUNCTION repere_notify_auth_changed();
--> statement-breakpoint
CREATE TRIGGER organisations_auth_changed AFTER UPDATE OR DELETE ON organisations FOR EACH STATEMENT
  EXECUTE FUNCTION repere_notify_auth_changed();

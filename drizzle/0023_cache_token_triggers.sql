-- The frozen token: a write of monthly figures or 预警 dispositions (hand entry, imports, review) changes the live
-- figures only; a published month is read from its frozen row versions (kept by monthly_figures_keep_version), so
-- answers over it stay valid. Every other table with this trigger changes both tokens, and so does a TRUNCATE.
CREATE OR REPLACE FUNCTION bump_stats_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME IN ('monthly_figures', 'warning_dispositions') AND TG_OP <> 'TRUNCATE' THEN
    UPDATE stats_version SET token = gen_random_uuid() WHERE id = 1;
  ELSE
    UPDATE stats_version SET token = gen_random_uuid(), master_token = gen_random_uuid() WHERE id = 1;
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
-- The auth token: a session that ends, or an account whose name, role, activity or 统计审核员 flag changes, or
-- a changed scope. Statement-level with the deleted rows, so the expired-session sweep of every login that
-- deletes nothing changes nothing.
CREATE FUNCTION bump_auth_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE stats_version SET auth_token = gen_random_uuid() WHERE id = 1;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE FUNCTION bump_auth_version_on_deleted_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM ended_sessions) THEN
    UPDATE stats_version SET auth_token = gen_random_uuid() WHERE id = 1;
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER sessions_auth_version AFTER DELETE ON sessions REFERENCING OLD TABLE AS ended_sessions FOR EACH STATEMENT EXECUTE FUNCTION bump_auth_version_on_deleted_sessions();--> statement-breakpoint
CREATE TRIGGER sessions_truncate_auth_version AFTER TRUNCATE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION bump_auth_version();--> statement-breakpoint
CREATE TRIGGER users_auth_version AFTER UPDATE ON users FOR EACH ROW
  WHEN ((OLD.username, OLD.display_name, OLD.role, OLD.active, OLD.stats_reviewer) IS DISTINCT FROM (NEW.username, NEW.display_name, NEW.role, NEW.active, NEW.stats_reviewer))
  EXECUTE FUNCTION bump_auth_version();--> statement-breakpoint
CREATE TRIGGER users_delete_auth_version AFTER DELETE OR TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION bump_auth_version();--> statement-breakpoint
CREATE TRIGGER user_scopes_auth_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON user_scopes FOR EACH STATEMENT EXECUTE FUNCTION bump_auth_version();
--> statement-breakpoint
-- The ten industries are edited by the admin and their names show in the chain list and the industry breakdown.
CREATE TRIGGER industries_stats_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON industries FOR EACH STATEMENT EXECUTE FUNCTION bump_stats_version();
--> statement-breakpoint
-- A park's focus chains show in the park list, kept under the master token.
CREATE TRIGGER park_focus_chains_stats_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON park_focus_chains FOR EACH STATEMENT EXECUTE FUNCTION bump_stats_version();
--> statement-breakpoint
-- A session changed other than by its activity moving on (its expiry, or its activity set back: the admin's
-- SQL, tests) is read again everywhere; the once-a-minute activity write changes nothing.
CREATE TRIGGER sessions_changed_auth_version AFTER UPDATE ON sessions FOR EACH ROW
  WHEN (NEW.expires_at IS DISTINCT FROM OLD.expires_at OR NEW.last_seen_at < OLD.last_seen_at OR NEW.user_id IS DISTINCT FROM OLD.user_id OR NEW.csrf_token IS DISTINCT FROM OLD.csrf_token OR NEW.token_hash IS DISTINCT FROM OLD.token_hash)
  EXECUTE FUNCTION bump_auth_version();
--> statement-breakpoint
-- Settings (预警 thresholds, the report deadline, …) shape cached answers too.
CREATE TRIGGER app_settings_stats_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON app_settings FOR EACH STATEMENT EXECUTE FUNCTION bump_stats_version();

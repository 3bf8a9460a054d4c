-- monthly_figure_versions keeps every replaced or removed row of monthly_figures for the published
-- snapshots (0007). The BEFORE ROW trigger of 0007 inserted them one PL/pgSQL INSERT per row (~150 ms per
-- 5,000 months written by an import). Now:
-- - a changed row still gets its new figure_version per row (only a row trigger can set a column of the row
--   written); the WHEN clause calls the function only when the values, the version or the key differ;
-- - the replaced and removed rows are kept by one INSERT … SELECT per statement from its transition tables.
--   PostgreSQL allows transition tables only on a trigger of one event: one trigger for UPDATE, one for DELETE.
-- An UPDATE pairs the old and new row by (uscc, period), so a month's key may not change (no code does: a
-- month moves by a delete and an insert); such an update is refused instead of leaving a version unkept.
DROP TRIGGER monthly_figures_keep_version ON monthly_figures;--> statement-breakpoint
DROP FUNCTION keep_monthly_figure_version();--> statement-breakpoint
CREATE FUNCTION next_monthly_figure_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.uscc, NEW.period) IS DISTINCT FROM (OLD.uscc, OLD.period) THEN
    RAISE EXCEPTION 'a month of monthly_figures keeps its uscc and period (%, %): delete it and insert the new one', OLD.uscc, OLD.period
      USING ERRCODE = 'check_violation';
  END IF;
  IF (NEW.gross_output, NEW.revenue, NEW.profit, NEW.taxes, NEW.electricity_kwh, NEW.employees, NEW.prev_year_gross_output, NEW.prev_year_revenue, NEW.prev_year_profit, NEW.prev_year_taxes)
     IS NOT DISTINCT FROM
     (OLD.gross_output, OLD.revenue, OLD.profit, OLD.taxes, OLD.electricity_kwh, OLD.employees, OLD.prev_year_gross_output, OLD.prev_year_revenue, OLD.prev_year_profit, OLD.prev_year_taxes) THEN
    NEW.figure_version := OLD.figure_version;
  ELSE
    NEW.figure_version := nextval('monthly_figures_figure_version_seq');
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER monthly_figures_next_version BEFORE UPDATE ON monthly_figures FOR EACH ROW
  WHEN ((NEW.uscc, NEW.period, NEW.figure_version, NEW.gross_output, NEW.revenue, NEW.profit, NEW.taxes, NEW.electricity_kwh, NEW.employees, NEW.prev_year_gross_output, NEW.prev_year_revenue, NEW.prev_year_profit, NEW.prev_year_taxes)
        IS DISTINCT FROM
        (OLD.uscc, OLD.period, OLD.figure_version, OLD.gross_output, OLD.revenue, OLD.profit, OLD.taxes, OLD.electricity_kwh, OLD.employees, OLD.prev_year_gross_output, OLD.prev_year_revenue, OLD.prev_year_profit, OLD.prev_year_taxes))
  EXECUTE FUNCTION next_monthly_figure_version();--> statement-breakpoint
CREATE FUNCTION keep_replaced_monthly_figures() RETURNS trigger LANGUAGE plpgsql
  -- The transition tables have no index: paired by a hash or merge join, whatever the writing transaction
  -- set (an import turns them off for its own statements, and a nested loop here is quadratic).
  SET enable_hashjoin = on SET enable_mergejoin = on AS $$
BEGIN
  -- EXECUTE: planned for each statement with its transition tables' row counts. A static statement's plan
  -- is cached by the session after its first run: planned for 1 row (a manual entry), it stays a nested
  -- loop for the 100,000 rows of an import on the same connection.
  EXECUTE '
  INSERT INTO monthly_figure_versions (uscc, period, gross_output, revenue, profit, taxes, electricity_kwh, employees, prev_year_gross_output, prev_year_revenue, prev_year_profit, prev_year_taxes, source, updated_at, figure_version, superseded_version)
  SELECT o.uscc, o.period, o.gross_output, o.revenue, o.profit, o.taxes, o.electricity_kwh, o.employees, o.prev_year_gross_output, o.prev_year_revenue, o.prev_year_profit, o.prev_year_taxes, o.source, o.updated_at, o.figure_version, n.figure_version
    FROM replaced_rows o JOIN replacing_rows n ON n.uscc = o.uscc AND n.period = o.period
   WHERE n.figure_version <> o.figure_version';
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE FUNCTION keep_removed_monthly_figures() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO monthly_figure_versions (uscc, period, gross_output, revenue, profit, taxes, electricity_kwh, employees, prev_year_gross_output, prev_year_revenue, prev_year_profit, prev_year_taxes, source, updated_at, figure_version, superseded_version)
  SELECT o.uscc, o.period, o.gross_output, o.revenue, o.profit, o.taxes, o.electricity_kwh, o.employees, o.prev_year_gross_output, o.prev_year_revenue, o.prev_year_profit, o.prev_year_taxes, o.source, o.updated_at, o.figure_version, nextval('monthly_figures_figure_version_seq')
    FROM removed_rows o;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER monthly_figures_keep_replaced AFTER UPDATE ON monthly_figures
  REFERENCING OLD TABLE AS replaced_rows NEW TABLE AS replacing_rows
  FOR EACH STATEMENT EXECUTE FUNCTION keep_replaced_monthly_figures();--> statement-breakpoint
CREATE TRIGGER monthly_figures_keep_removed AFTER DELETE ON monthly_figures
  REFERENCING OLD TABLE AS removed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION keep_removed_monthly_figures();

-- live_firm_ytd kept equal to the statistics engine's per-firm computation over each year-to-date range
-- (server/modules/monitoring/monitoring.sql.ts firmRangeSql: the same expressions, for every month of a year at
-- once) in the same transaction as every write of monthly_figures. A change to a firm's month of year Y changes
-- its ranges of Y and of Y + 1 (whose comparable base it is): both firm-years are recomputed from their months,
-- set-based (statement-level triggers with transition tables: one import statement, one recomputation).
-- Its own planner settings: an import turns hash and merge joins off for its transaction (withIndexJoins), and a plan
-- cached for a one-firm manual entry would be a nested loop for the next 100,000-row import, so each call is planned anew.
CREATE FUNCTION refresh_live_firm_ytd(usccs text[], years int[]) RETURNS void LANGUAGE plpgsql
  SET enable_hashjoin = on SET enable_mergejoin = on SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  DELETE FROM live_firm_ytd t
   USING (SELECT DISTINCT p.uscc::char(18) AS uscc, p.y + d.d AS year FROM unnest(usccs, years) AS p(uscc, y) CROSS JOIN (VALUES (0), (1)) AS d(d)) AS c
   WHERE t.uscc = c.uscc AND t.range_to BETWEEN c.year::text || '-01' AND c.year::text || '-12';
  INSERT INTO live_firm_ytd (uscc, range_to, output, base, reported, has_base, published_last, as_of_now, as_of_prev,
                             m_revenue, m_revenue_base, m_revenue_has_base, m_profit, m_profit_base, m_profit_has_base,
                             m_taxes, m_taxes_base, m_taxes_has_base, m_electricity_kwh, m_electricity_kwh_base,
                             m_electricity_kwh_has_base, m_employees)
  WITH changed AS (
    SELECT DISTINCT p.uscc::char(18) AS uscc, p.y + d.d AS year FROM unnest(usccs, years) AS p(uscc, y) CROSS JOIN (VALUES (0), (1)) AS d(d)
  )
  SELECT uscc, range_to, output, base, reported, has_base, published_last, as_of_now, as_of_prev,
         m_revenue, m_revenue_base, m_revenue_has_base, m_profit, m_profit_base, m_profit_has_base,
         m_taxes, m_taxes_base, m_taxes_has_base, m_electricity_kwh, m_electricity_kwh_base,
         m_electricity_kwh_has_base, m_employees
    FROM (
      SELECT g.uscc, g.year::text || '-' || lpad(g.k::text, 2, '0') AS range_to, count(m.mo) OVER w AS months_read,
         coalesce(sum(v) OVER w, 0) AS output,
         coalesce(sum(coalesce(reported_base, stored_last)) FILTER (WHERE v IS NOT NULL) OVER w, 0) AS base,
         count(v) OVER w > 0 AS reported,
         count(v) OVER w > 0 AND count(*) FILTER (WHERE v IS NOT NULL AND coalesce(reported_base, stored_last) IS NULL) OVER w = 0 AS has_base,
         coalesce(sum(stored_last) OVER w, 0) AS published_last,
         greatest(max(at_now) OVER w, max(at_last) FILTER (WHERE v IS NOT NULL AND reported_base IS NULL) OVER w) AS as_of_now,
         max(at_last) OVER w AS as_of_prev,
         coalesce(sum(revenue_v) OVER w, 0) AS m_revenue,
         coalesce(sum(coalesce(revenue_rb, revenue_last)) FILTER (WHERE revenue_v IS NOT NULL) OVER w, 0) AS m_revenue_base,
         count(*) FILTER (WHERE revenue_v IS NOT NULL AND coalesce(revenue_rb, revenue_last) IS NULL) OVER w = 0 AS m_revenue_has_base,
         coalesce(sum(profit_v) OVER w, 0) AS m_profit,
         coalesce(sum(coalesce(profit_rb, profit_last)) FILTER (WHERE profit_v IS NOT NULL) OVER w, 0) AS m_profit_base,
         count(*) FILTER (WHERE profit_v IS NOT NULL AND coalesce(profit_rb, profit_last) IS NULL) OVER w = 0 AS m_profit_has_base,
         coalesce(sum(taxes_v) OVER w, 0) AS m_taxes,
         coalesce(sum(coalesce(taxes_rb, taxes_last)) FILTER (WHERE taxes_v IS NOT NULL) OVER w, 0) AS m_taxes_base,
         count(*) FILTER (WHERE taxes_v IS NOT NULL AND coalesce(taxes_rb, taxes_last) IS NULL) OVER w = 0 AS m_taxes_has_base,
         coalesce(sum(electricity_kwh_v) OVER w, 0) AS m_electricity_kwh,
         coalesce(sum(electricity_kwh_last) FILTER (WHERE electricity_kwh_v IS NOT NULL) OVER w, 0) AS m_electricity_kwh_base,
         count(*) FILTER (WHERE electricity_kwh_v IS NOT NULL AND electricity_kwh_last IS NULL) OVER w = 0 AS m_electricity_kwh_has_base,
         coalesce(round(avg(employees_v) OVER w), 0) AS m_employees
        FROM (SELECT DISTINCT c.uscc, c.year, k.k FROM changed c CROSS JOIN generate_series(1, 12) AS k(k)) AS g
        LEFT JOIN (
          -- one row per firm-year and calendar month: this year's figures and last year's, as firmRangeSql pairs them
      SELECT c.uscc, c.year, substr(f.period, 6)::int AS mo,
             max(f.gross_output) FILTER (WHERE f.period >= c.year::text || '-01') AS v,
             max(f.prev_year_gross_output) FILTER (WHERE f.period >= c.year::text || '-01') AS reported_base,
             max(f.gross_output) FILTER (WHERE f.period < c.year::text || '-01') AS stored_last,
             max(f.updated_at) FILTER (WHERE f.period >= c.year::text || '-01' AND f.gross_output IS NOT NULL) AS at_now,
             max(f.updated_at) FILTER (WHERE f.period < c.year::text || '-01') AS at_last,
             max(f.revenue) FILTER (WHERE f.period >= c.year::text || '-01') AS revenue_v,
             max(f.prev_year_revenue) FILTER (WHERE f.period >= c.year::text || '-01') AS revenue_rb,
             max(f.revenue) FILTER (WHERE f.period < c.year::text || '-01') AS revenue_last,
             max(f.profit) FILTER (WHERE f.period >= c.year::text || '-01') AS profit_v,
             max(f.prev_year_profit) FILTER (WHERE f.period >= c.year::text || '-01') AS profit_rb,
             max(f.profit) FILTER (WHERE f.period < c.year::text || '-01') AS profit_last,
             max(f.taxes) FILTER (WHERE f.period >= c.year::text || '-01') AS taxes_v,
             max(f.prev_year_taxes) FILTER (WHERE f.period >= c.year::text || '-01') AS taxes_rb,
             max(f.taxes) FILTER (WHERE f.period < c.year::text || '-01') AS taxes_last,
             max(f.electricity_kwh) FILTER (WHERE f.period >= c.year::text || '-01') AS electricity_kwh_v,
             max(f.electricity_kwh) FILTER (WHERE f.period < c.year::text || '-01') AS electricity_kwh_last,
             max(f.employees) FILTER (WHERE f.period >= c.year::text || '-01') AS employees_v
        FROM changed c
        JOIN monthly_figures f ON f.uscc = c.uscc AND f.period BETWEEN (c.year - 1)::text || '-01' AND c.year::text || '-12'
       GROUP BY c.uscc, c.year, substr(f.period, 6)
        ) AS m ON m.uscc = g.uscc AND m.year = g.year AND m.mo = g.k
      -- the range to month k holds the calendar months 1…k of both years
      WINDOW w AS (PARTITION BY g.uscc, g.year ORDER BY g.k ROWS UNBOUNDED PRECEDING)
    ) AS r
   WHERE months_read > 0;
END;
$$;--> statement-breakpoint
-- The firm-years a statement wrote: the rows it added (new_figures), removed (old_figures) or both.
CREATE FUNCTION live_firm_ytd_written() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE u text[]; y int[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(s.uscc), array_agg(s.y) INTO u, y
      FROM (SELECT DISTINCT uscc::text AS uscc, substr(period, 1, 4)::int AS y FROM new_figures) AS s;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(s.uscc), array_agg(s.y) INTO u, y
      FROM (SELECT DISTINCT uscc::text AS uscc, substr(period, 1, 4)::int AS y FROM old_figures) AS s;
  ELSE
    SELECT array_agg(s.uscc), array_agg(s.y) INTO u, y
      FROM (SELECT uscc::text AS uscc, substr(period, 1, 4)::int AS y FROM new_figures
            UNION SELECT uscc::text, substr(period, 1, 4)::int FROM old_figures) AS s;
  END IF;
  PERFORM refresh_live_firm_ytd(u, y);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE FUNCTION live_firm_ytd_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM live_firm_ytd;
  RETURN NULL;
END;
$$;--> statement-breakpoint
-- One trigger per event: PostgreSQL allows transition tables only on a trigger with a single event.
CREATE TRIGGER monthly_figures_live_ytd_insert AFTER INSERT ON monthly_figures REFERENCING NEW TABLE AS new_figures
  FOR EACH STATEMENT EXECUTE FUNCTION live_firm_ytd_written();--> statement-breakpoint
CREATE TRIGGER monthly_figures_live_ytd_update AFTER UPDATE ON monthly_figures REFERENCING OLD TABLE AS old_figures NEW TABLE AS new_figures
  FOR EACH STATEMENT EXECUTE FUNCTION live_firm_ytd_written();--> statement-breakpoint
CREATE TRIGGER monthly_figures_live_ytd_delete AFTER DELETE ON monthly_figures REFERENCING OLD TABLE AS old_figures
  FOR EACH STATEMENT EXECUTE FUNCTION live_firm_ytd_written();--> statement-breakpoint
CREATE TRIGGER monthly_figures_live_ytd_truncate AFTER TRUNCATE ON monthly_figures
  FOR EACH STATEMENT EXECUTE FUNCTION live_firm_ytd_truncated();--> statement-breakpoint
-- The figures already stored.
SELECT refresh_live_firm_ytd(array_agg(s.uscc), array_agg(s.y))
  FROM (SELECT DISTINCT uscc::text AS uscc, substr(period, 1, 4)::int AS y FROM monthly_figures) AS s;

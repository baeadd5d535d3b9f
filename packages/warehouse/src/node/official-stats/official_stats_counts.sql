SELECT
  count(*) AS rows_read,
  count(*) FILTER (WHERE len(errs) = 0) AS accepted,
  count(*) FILTER (WHERE len(errs) > 0) AS rejected,
  count(*) FILTER (WHERE len(errs) = 0 AND suppressed) AS suppressed,
  count(*) FILTER (WHERE len(errs) = 0 AND missing) AS missing
FROM official_typed

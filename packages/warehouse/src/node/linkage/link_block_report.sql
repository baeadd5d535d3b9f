-- Per blocking rule: blocks split by sex and province, sub-blocks skipped, records in them.
SELECT rule,
  (SELECT count(*) FROM link_block_big b WHERE b.rule = r.rule) AS split,
  (SELECT count(*) FROM link_block_skipped s WHERE s.rule = r.rule) AS skipped,
  (SELECT coalesce(sum(records), 0) FROM link_block_skipped s WHERE s.rule = r.rule) AS skipped_records
FROM (SELECT DISTINCT rule FROM link_block_sizes) r
ORDER BY rule;

-- After link_block_refine.sql and link_block_sizes.sql again: drop the keys of sub-blocks still
-- above the cap (variable link_max_block_pairs) and report, per rule, the blocks split and skipped and the records they held.
CREATE OR REPLACE TEMP TABLE link_block_skipped AS SELECT rule, k, records FROM link_block_sizes WHERE pairs > getvariable('link_max_block_pairs');
DELETE FROM link_keys k USING link_block_skipped s WHERE s.rule = k.rule AND (s.k = k.lk OR s.k = k.rk);

-- Synthetic cases: those loaded by an import whose bytes `lao-protect synth` recorded for this
-- warehouse (synthetic_input), and the recorded inputs they came from.
SELECT
  CAST(count(*) AS INTEGER) AS syn,
  list(DISTINCT {'sha256': s.sha256, 'seed': s.seed, 'cases': s.cases}) AS inputs
FROM cases c
JOIN import_log l ON l.import_id = c.import_id AND l.status = 'committed'
JOIN synthetic_input s ON s.sha256 = l.sha256
WHERE c.trafficking_status IS DISTINCT FROM 'not_a_victim';

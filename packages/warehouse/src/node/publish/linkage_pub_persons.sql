-- The linked records a publication counts: not those of a case screened out as not a victim
-- (cases.trafficking_status 'not_a_victim'), which no published table counts.
CREATE OR REPLACE TEMP VIEW pub_link_persons AS
SELECT p.*
FROM link_persons p
WHERE NOT EXISTS (
  SELECT 1 FROM cases c
  WHERE CAST(c.source AS VARCHAR) = p.partner AND c.case_id = p.case_id
    AND CAST(c.trafficking_status AS VARCHAR) = 'not_a_victim'
);

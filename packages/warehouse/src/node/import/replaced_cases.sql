-- Cases that a new import ($1) replaces: rows of older imports with the same (source, case_id).
-- Returns the number of rows deleted, i.e. the cases the import updated.
DELETE FROM cases c
USING (SELECT source, case_id FROM cases WHERE import_id = $1) n
WHERE c.source = n.source AND c.case_id = n.case_id AND c.import_id <> $1

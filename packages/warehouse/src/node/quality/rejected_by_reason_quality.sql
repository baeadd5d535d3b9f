-- Rejected rows of each import by column and reason (reasons that quote a value grouped on the text
-- before the quote), most frequent first.
SELECT import_id, "column", regexp_replace(reason, ' ?"[^"]*".*$', '') AS reason, count(DISTINCT row_number) AS rows
FROM quarantine
GROUP BY ALL
ORDER BY import_id, rows DESC, "column", reason

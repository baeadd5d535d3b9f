-- Rejected rows, one row per offending field, with the row's cells as read. $1 source_file, $2 sha256, $3 sheet, $4 import_id.
INSERT INTO official_stats_quarantine
SELECT $4, $1, $2, $3, t.row_number, t.e.field, t.e.value, t.e.reason,
  to_json({
    'Iso3_code': s.iso3, 'Country': s.country, 'Region': s.region, 'Subregion': s.subregion,
    'Indicator': s.indicator, 'Dimension': s.dimension, 'Category': s.category, 'Sex': s.sex, 'Age': s.age,
    'Year': s.year, 'Unit of measurement': s.unit, 'txtVALUE': s.value, 'Source': s.source
  })
FROM (SELECT row_number, unnest(errs) AS e FROM official_typed WHERE len(errs) > 0) t
JOIN official_stg s USING (row_number)

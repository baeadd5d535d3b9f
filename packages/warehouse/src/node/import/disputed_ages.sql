-- Accepted rows of import $1 whose age_years disagrees with the age the date of birth gives at
-- identification (two years or more apart, or one says child and the other adult): the domain
-- uses the date of birth, and the partner should know.
INSERT INTO import_warning
SELECT $1, row_number, 'age_years', age_years::VARCHAR,
  'age_years ' || age_years || ' disagrees with date_of_birth ' || strftime(date_of_birth, '%Y-%m-%d')
    || ' (' || age || ' at identification): the date of birth is used'
FROM (
  SELECT row_number, age_years, date_of_birth,
    date_diff('year', date_of_birth, identification_date)
      - CASE WHEN month(identification_date) * 100 + day(identification_date)
               < month(date_of_birth) * 100 + day(date_of_birth) THEN 1 ELSE 0 END AS age
  FROM cases
  WHERE import_id = $1 AND date_of_birth IS NOT NULL AND age_years IS NOT NULL
)
WHERE abs(age - age_years) >= 2 OR (age < 18) <> (age_years < 18)

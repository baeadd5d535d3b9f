-- Per-district inputs of the CPN priority score from the publication's facts cube.
-- $1..$2: recent years (trend numerator), $3..$4: previous years (trend denominator),
-- $5..$6: years for child victims and the ethnic-minority share. Minority = any known family but lao_tai.
select
  district::varchar as district,
  coalesce(sum(n) filter (where is_child and year between $5 and $6), 0)::integer as child_victims,
  coalesce(sum(n) filter (where year between $1 and $2), 0)::integer as recent_victims,
  coalesce(sum(n) filter (where year between $3 and $4), 0)::integer as previous_victims,
  coalesce(sum(n) filter (
    where year between $5 and $6 and ethnicity_family::varchar not in ('lao_tai', 'unknown')
  ), 0)::integer as minority_victims,
  coalesce(sum(n) filter (
    where year between $5 and $6 and ethnicity_family::varchar <> 'unknown'
  ), 0)::integer as victims_with_ethnicity
from facts
where district is not null
group by district
order by district

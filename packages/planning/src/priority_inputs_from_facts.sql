-- Per-district inputs of the CPN priority score from the publication's facts cube.
-- $1..$2: recent years (trend numerator), $3..$4: previous years (trend denominator),
-- $5..$6: years for child victims and the ethnic-minority share. Minority = any known family but lao_tai.
-- $7..$15: optional cross-filters (NULL = all): victim group, sex, age band, ethnic family, form of
-- exploitation, destination, border point, stage, ethnic group.
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
  and ($7 is null or victim_group::varchar = $7)
  and ($8 is null or sex::varchar = $8)
  and ($9 is null or age_band::varchar = $9)
  and ($10 is null or ethnicity_family::varchar = $10)
  and ($11 is null or exploitation_form::varchar = $11)
  and ($12 is null or destination::varchar = $12)
  and ($13 is null or border_point::varchar = $13)
  and ($14 is null or stage::varchar = $14)
  and ($15 is null or ethnic_group::varchar = $15)
group by district
order by district

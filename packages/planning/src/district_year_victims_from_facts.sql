-- Victims by district of origin and year from the facts cube (planners' tier, exact counts) under the
-- dashboard's cross-filters: the same input as district_year_victims.sql, for estimates on screen.
-- $1..$9: victim group, sex, age band, ethnic family, form of exploitation, destination, border point, stage,
-- ethnic group.
select
  district::varchar as district,
  cast(year as integer) as year,
  cast(coalesce(sum(n) filter (where is_child), 0) as integer) as child_victims,
  cast(sum(n) as integer) as victims
from facts
where district is not null
  and ($1 is null or victim_group::varchar = $1)
  and ($2 is null or sex::varchar = $2)
  and ($3 is null or age_band::varchar = $3)
  and ($4 is null or ethnicity_family::varchar = $4)
  and ($5 is null or exploitation_form::varchar = $5)
  and ($6 is null or destination::varchar = $6)
  and ($7 is null or border_point::varchar = $7)
  and ($8 is null or stage::varchar = $8)
  and ($9 is null or ethnic_group::varchar = $9)
group by all
order by all

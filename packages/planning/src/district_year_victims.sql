-- Victims by district of origin and year of identification, all and children (age at identification,
-- from age_years else the date of birth), from the warehouse's unsuppressed `cases`: the input of the
-- small-area estimates computed at publish. Nothing from here is published as a count.
select
  cast(origin_district as varchar) as district,
  cast(year(identification_date) as integer) as year,
  cast(count(*) filter (
    where coalesce(cast(age_years as bigint), date_sub('year', date_of_birth, identification_date)) < 18
  ) as integer) as child_victims,
  cast(count(*) as integer) as victims
from cases
where origin_district is not null and identification_date is not null
group by all
order by all

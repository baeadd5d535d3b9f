-- Shelter stays from the warehouse's stage history, the same stay rules as bed_nights_by_province_month.sql
-- (interim care until the next later stage date; return and reception until reintegration, else the next
-- of follow-up, closed or exit), counted by province, year and quarter of the start, stage, victim group
-- and age class. `completed` stays have an end date; `nights` sums their length (end - start), `nights_sq`
-- the squared lengths (their spread: the standard error of a mean stay).
with c as (
  select
    case_id,
    victim_group::varchar as victim_group,
    case
      when coalesce(cast(age_years as bigint), date_sub('year', date_of_birth, identification_date)) is null then 'unknown'
      when coalesce(cast(age_years as bigint), date_sub('year', date_of_birth, identification_date)) < 18 then 'child'
      else 'adult'
    end as age_class,
    coalesce(origin_province::varchar, left(origin_district::varchar, 4)) as origin,
    left(exploitation_district::varchar, 4) as exploitation_province,
    interim_care_date, assessment_date, bid_date, return_date, reintegration_date,
    follow_up_date, closed_date, exit_date
  from cases
),
stays as (
  select
    'interim_care' as stage, victim_group, age_class,
    coalesce(exploitation_province, origin) as province,
    interim_care_date as start_date,
    list_min(list_filter(
      [assessment_date, bid_date, return_date, reintegration_date, follow_up_date, closed_date, exit_date],
      lambda d: d >= interim_care_date
    )) as end_date
  from c
  where interim_care_date is not null
  union all
  select
    'return_reception' as stage, victim_group, age_class,
    origin as province,
    return_date as start_date,
    case
      when reintegration_date >= return_date then reintegration_date
      else list_min(list_filter([follow_up_date, closed_date, exit_date], lambda d: d >= return_date))
    end as end_date
  from c
  where return_date is not null
)
select
  province,
  cast(year(start_date) as integer) as year,
  cast(quarter(start_date) as integer) as quarter,
  stage,
  victim_group,
  age_class,
  cast(count(*) as integer) as stays,
  cast(count(end_date) as integer) as completed,
  cast(coalesce(sum(end_date - start_date) filter (where end_date is not null), 0) as integer) as nights,
  cast(coalesce(sum((end_date - start_date) * (end_date - start_date)) filter (where end_date is not null), 0) as double) as nights_sq
from stays
group by all
order by all

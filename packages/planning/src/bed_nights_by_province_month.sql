-- Bed-nights by province, month, victim group and stage from the cases table.
-- Rules (stays, night counting, province) are documented in BedNights.ts and must stay identical.
-- $1: first night counted (DATE, inclusive), $2: last night counted (DATE, inclusive).
-- The publication's table (by province and month, with distinct cases) is
-- bed_nights_cases_by_province_month.sql.
with c as (
  select
    case_id,
    victim_group::varchar as victim_group,
    coalesce(origin_province::varchar, left(origin_district::varchar, 4)) as origin,
    left(exploitation_district::varchar, 4) as exploitation_province,
    interim_care_date, assessment_date, bid_date, return_date, reintegration_date,
    follow_up_date, closed_date, exit_date
  from cases
),
stays as (
  select
    'interim_care' as stage,
    case_id,
    victim_group,
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
    'return_reception' as stage,
    case_id,
    victim_group,
    origin as province,
    return_date as start_date,
    case
      when reintegration_date >= return_date then reintegration_date
      else list_min(list_filter([follow_up_date, closed_date, exit_date], lambda d: d >= return_date))
    end as end_date
  from c
  where return_date is not null
),
clipped as (
  select
    stage, case_id, victim_group, province,
    greatest(start_date, $1::date) as first_night,
    least(coalesce(end_date - 1, $2::date), $2::date) as last_night
  from stays
),
-- One row per stay and calendar month it touches, with its nights in that month (not one row per
-- night: a million cases made tens of millions of rows).
months as (
  select stage, case_id, victim_group, province, first_night, last_night,
    unnest(generate_series(date_trunc('month', first_night), date_trunc('month', last_night), interval 1 month))::date as month_start
  from clipped
  where first_night <= last_night
),
nights as (
  select stage, case_id, victim_group, province, month_start,
    date_diff('day', greatest(first_night, month_start),
      least(last_night, (month_start + interval 1 month)::date - 1)) + 1 as nights
  from months
)
select
  province,
  strftime(month_start, '%Y-%m') as month,
  victim_group,
  stage,
  sum(nights)::integer as nights
from nights
group by province, month, victim_group, stage
order by province nulls last, month, victim_group, stage

-- Bed-nights by province and month with the distinct cases behind them (for suppression in the
-- publication): the stays, window and night counting of bed_nights_by_province_month.sql.
-- $1: first night counted (DATE, inclusive), $2: last night counted (DATE, inclusive).
-- The distinct count without a per-case hash: a case row has at most two stays, so its cases in a
-- province and month are its stay-months there less the months where both its stays are there. Only
-- case ids held by more than one row (one id from two sources) are counted as ids.
with c as (
  select
    case_id,
    coalesce(origin_province::varchar, left(origin_district::varchar, 4)) as origin,
    left(exploitation_district::varchar, 4) as exploitation_province,
    interim_care_date, assessment_date, bid_date, return_date, reintegration_date,
    follow_up_date, closed_date, exit_date
  from cases
),
shared as (
  select case_id from cases group by case_id having count(*) > 1
),
-- Both stays of a case row, clipped to the window (null when the stay does not exist).
clipped as (
  select
    case_id,
    case_id in (select case_id from shared) as shared,
    coalesce(exploitation_province, origin) as i_province,
    case when interim_care_date is not null then greatest(interim_care_date, $1::date) end as i_first,
    case when interim_care_date is not null then least(coalesce(list_min(list_filter(
      [assessment_date, bid_date, return_date, reintegration_date, follow_up_date, closed_date, exit_date],
      lambda d: d >= interim_care_date
    )) - 1, $2::date), $2::date) end as i_last,
    origin as r_province,
    case when return_date is not null then greatest(return_date, $1::date) end as r_first,
    case when return_date is not null then least(coalesce(case
      when reintegration_date >= return_date then reintegration_date
      else list_min(list_filter([follow_up_date, closed_date, exit_date], lambda d: d >= return_date))
    end - 1, $2::date), $2::date) end as r_last
  from c
),
stays as (
  select case_id, shared, i_province as province, i_first as first_night, i_last as last_night
  from clipped where i_first <= i_last
  union all
  select case_id, shared, r_province, r_first, r_last
  from clipped where r_first <= r_last
),
months as (
  select case_id, shared, province, first_night, last_night,
    unnest(generate_series(date_trunc('month', first_night), date_trunc('month', last_night), interval 1 month))::date as month_start
  from stays
),
nights as (
  select case_id, shared, province, month_start,
    date_diff('day', greatest(first_night, month_start),
      least(last_night, (month_start + interval 1 month)::date - 1)) + 1 as nights
  from months
),
-- The months where one case row's two stays are both counted in the same province.
both_stays as (
  select i_province as province,
    unnest(generate_series(
      greatest(date_trunc('month', i_first), date_trunc('month', r_first)),
      least(date_trunc('month', i_last), date_trunc('month', r_last)),
      interval 1 month))::date as month_start
  from clipped
  where not shared and i_first <= i_last and r_first <= r_last and i_province is not distinct from r_province
),
cells as (
  select province, month_start, case when shared then case_id end as shared_id,
    sum(nights) as nights, count(*) as stays
  from nights
  group by all
),
counted as (
  select province, month_start, nights, case when shared_id is null then stays else 1 end as cases from cells
  union all
  select province, month_start, 0, -count(*) from both_stays group by all
)
select
  province,
  strftime(month_start, '%Y-%m') as month,
  sum(nights)::integer as nights,
  sum(cases)::integer as cases
from counted
group by province, month_start
order by province nulls last, month

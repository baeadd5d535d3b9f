-- Days spent in each stage: from the stage's date to the next recorded date of a later stage or the
-- exit date (the earliest such date on or after the start). Stages with no later date are still open
-- and left out (so long stays that have not ended yet are missing: medians are biased low).
-- Scope 'national' rows are over all provinces; 'province' rows by province of origin.
-- $1: minimum number of completed stays for a group to be returned (1 for the planners' tier).
with c as (
  select
    coalesce(origin_province::varchar, left(origin_district::varchar, 4)) as province,
    identification_date, interim_care_date, coalesce(assessment_date, bid_date) as assessment_bid_date,
    return_date, reintegration_date, follow_up_date, closed_date, exit_date
  from cases
),
starts as (
  select province, 1 as stage_order, 'identification' as stage, identification_date as start_date,
    [interim_care_date, assessment_bid_date, return_date, reintegration_date, follow_up_date, closed_date, exit_date] as later
  from c
  union all select province, 2, 'interim_care', interim_care_date,
    [assessment_bid_date, return_date, reintegration_date, follow_up_date, closed_date, exit_date] from c
  union all select province, 3, 'assessment_bid', assessment_bid_date,
    [return_date, reintegration_date, follow_up_date, closed_date, exit_date] from c
  union all select province, 4, 'return_reception', return_date,
    [reintegration_date, follow_up_date, closed_date, exit_date] from c
  union all select province, 5, 'reintegration', reintegration_date, [follow_up_date, closed_date, exit_date] from c
  union all select province, 6, 'follow_up', follow_up_date, [closed_date, exit_date] from c
),
stays as (
  select province, stage_order, stage,
    date_diff('day', start_date, list_min(list_filter(later, lambda d: d >= start_date))) as days
  from starts
  where start_date is not null
)
select
  case when grouping(province) = 1 then 'national' else 'province' end as scope,
  province,
  stage,
  count(*)::integer as n,
  quantile_cont(days, 0.5)::double as median_days,
  quantile_cont(days, 0.9)::double as p90_days
from stays
where days is not null
group by grouping sets ((stage_order, stage), (province, stage_order, stage))
having count(*) >= $1
order by scope, province nulls last, stage_order

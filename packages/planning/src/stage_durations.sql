-- Days spent in each stage: from the stage's date to the next recorded date of a later stage or the
-- exit date (the earliest such date on or after the start). Stages with no later date are still open
-- and left out (so long stays that have not ended yet are missing: medians are biased low).
-- Scope 'national' rows are over all provinces; 'province' rows by province of origin.
-- $1: minimum number of completed stays for a group to be returned (1 for the planners' tier).
-- One pass over `cases`: each row's six stage lengths side by side (least() skips the nulls), one
-- aggregate per stage, then one row per stage (six unions of the stages took 3x as long at 1M).
with c as (
  select
    coalesce(origin_province::varchar, left(origin_district::varchar, 4)) as province,
    identification_date as s1, interim_care_date as s2, coalesce(assessment_date, bid_date) as s3,
    return_date as s4, reintegration_date as s5, follow_up_date as s6, closed_date as s7, exit_date as s8
  from cases
),
d as (
  select
    province,
    date_diff('day', s1, least(case when s2 >= s1 then s2 end, case when s3 >= s1 then s3 end,
      case when s4 >= s1 then s4 end, case when s5 >= s1 then s5 end, case when s6 >= s1 then s6 end,
      case when s7 >= s1 then s7 end, case when s8 >= s1 then s8 end)) as d1,
    date_diff('day', s2, least(case when s3 >= s2 then s3 end, case when s4 >= s2 then s4 end,
      case when s5 >= s2 then s5 end, case when s6 >= s2 then s6 end, case when s7 >= s2 then s7 end,
      case when s8 >= s2 then s8 end)) as d2,
    date_diff('day', s3, least(case when s4 >= s3 then s4 end, case when s5 >= s3 then s5 end,
      case when s6 >= s3 then s6 end, case when s7 >= s3 then s7 end, case when s8 >= s3 then s8 end)) as d3,
    date_diff('day', s4, least(case when s5 >= s4 then s5 end, case when s6 >= s4 then s6 end,
      case when s7 >= s4 then s7 end, case when s8 >= s4 then s8 end)) as d4,
    date_diff('day', s5, least(case when s6 >= s5 then s6 end, case when s7 >= s5 then s7 end,
      case when s8 >= s5 then s8 end)) as d5,
    date_diff('day', s6, least(case when s7 >= s6 then s7 end, case when s8 >= s6 then s8 end)) as d6
  from c
),
g as (
  select
    case when grouping(province) = 1 then 'national' else 'province' end as scope,
    province,
    [
      {'stage_order': 1, 'n': count(d1), 'q': quantile_cont(d1, [0.5, 0.9])},
      {'stage_order': 2, 'n': count(d2), 'q': quantile_cont(d2, [0.5, 0.9])},
      {'stage_order': 3, 'n': count(d3), 'q': quantile_cont(d3, [0.5, 0.9])},
      {'stage_order': 4, 'n': count(d4), 'q': quantile_cont(d4, [0.5, 0.9])},
      {'stage_order': 5, 'n': count(d5), 'q': quantile_cont(d5, [0.5, 0.9])},
      {'stage_order': 6, 'n': count(d6), 'q': quantile_cont(d6, [0.5, 0.9])}
    ] as per_stage
  from d
  group by grouping sets ((), (province))
),
stages as (
  select scope, province, unnest(per_stage, recursive := true) from g
)
select
  scope,
  province,
  ['identification', 'interim_care', 'assessment_bid', 'return_reception', 'reintegration', 'follow_up'][stage_order] as stage,
  n::integer as n,
  q[1]::double as median_days,
  q[2]::double as p90_days
from stages
where n > 0 and n >= $1
order by scope, province nulls last, stage_order

-- Protection pipeline funnel: cases that reached each stage, and exits, by province of origin.
-- A case "reached" a stage when that stage's date is recorded (assessment_bid: assessment or BID).
-- Province: origin_province, else the first four characters of origin_district; null when unknown.
-- One pass: the stages reached are counted side by side per province, then one row per stage (seven
-- unions of the cases table took 3x as long at 1M).
with c as (
  select
    coalesce(origin_province::varchar, left(origin_district::varchar, 4)) as province,
    identification_date, interim_care_date, assessment_date, bid_date, return_date,
    reintegration_date, follow_up_date, exit_reason::varchar as exit_reason
  from cases
),
reached as (
  select
    province,
    [
      {'step_order': 1, 'step': 'identification', 'n': count(identification_date)},
      {'step_order': 2, 'step': 'interim_care', 'n': count(interim_care_date)},
      {'step_order': 3, 'step': 'assessment_bid', 'n': count(*) filter (where assessment_date is not null or bid_date is not null)},
      {'step_order': 4, 'step': 'return_reception', 'n': count(return_date)},
      {'step_order': 5, 'step': 'reintegration', 'n': count(reintegration_date)},
      {'step_order': 6, 'step': 'follow_up', 'n': count(follow_up_date)}
    ] as stages
  from c
  group by province
),
steps as (
  select province, 'stage' as kind, step_order, step, n
  from (select province, unnest(stages, recursive := true) from reached)
  where n > 0
  union all
  select province, 'exit', 7, exit_reason, count(*) from c where exit_reason is not null group by province, exit_reason
)
select province, kind, step, n::integer as n
from steps
order by province nulls last, step_order, step

-- Protection pipeline funnel: cases that reached each stage, and exits, by province of origin.
-- A case "reached" a stage when that stage's date is recorded (assessment_bid: assessment or BID).
-- Province: origin_province, else the first four characters of origin_district; null when unknown.
with c as (
  select
    coalesce(origin_province::varchar, left(origin_district::varchar, 4)) as province,
    identification_date, interim_care_date, assessment_date, bid_date, return_date,
    reintegration_date, follow_up_date, exit_reason::varchar as exit_reason
  from cases
),
steps as (
  select province, 'stage' as kind, 1 as step_order, 'identification' as step from c where identification_date is not null
  union all select province, 'stage', 2, 'interim_care' from c where interim_care_date is not null
  union all select province, 'stage', 3, 'assessment_bid' from c where assessment_date is not null or bid_date is not null
  union all select province, 'stage', 4, 'return_reception' from c where return_date is not null
  union all select province, 'stage', 5, 'reintegration' from c where reintegration_date is not null
  union all select province, 'stage', 6, 'follow_up' from c where follow_up_date is not null
  union all select province, 'exit', 7, exit_reason from c where exit_reason is not null
)
select province, kind, step, count(*)::integer as n
from steps
group by province, kind, step_order, step
order by province nulls last, step_order, step

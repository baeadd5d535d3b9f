-- Cases that need a second look (planners' tier: one row per case and flag, with case_id).
-- child_returned_without_bid: under 18 at identification (age_years, else full years between
--   date_of_birth and identification_date), returned, and no BID recorded on or before the return.
-- no_follow_up: reintegrated, the follow-up period has ended by the as-of date, and no follow-up
--   was recorded within it.
-- repeat_victim: the case left the pipeline as re_trafficked.
-- $1: follow-up period in days (INTEGER), $2: as-of date (DATE).
with c as (
  select
    case_id,
    coalesce(origin_province::varchar, left(origin_district::varchar, 4)) as province,
    coalesce(age_years, date_sub('year', date_of_birth, identification_date)) as age,
    identification_date, bid_date, return_date, reintegration_date, follow_up_date,
    exit_reason::varchar as exit_reason, exit_date
  from cases
)
select case_id, province, 'child_returned_without_bid' as flag,
  case when bid_date is null then 'no BID recorded' else 'BID recorded after the return (' || bid_date || ')' end as detail,
  return_date as flag_date
from c
where age < 18 and return_date is not null and (bid_date is null or bid_date > return_date)
union all
select case_id, province, 'no_follow_up',
  case when follow_up_date is null then 'no follow-up recorded'
    else 'first follow-up ' || date_diff('day', reintegration_date, follow_up_date) || ' days after reintegration' end
    || coalesce(' (exit: ' || exit_reason || ')', ''),
  reintegration_date
from c
where reintegration_date is not null
  and reintegration_date + $1::integer <= $2::date
  and (follow_up_date is null or follow_up_date > reintegration_date + $1::integer)
union all
select case_id, province, 'repeat_victim', 're-trafficked', exit_date
from c
where exit_reason = 're_trafficked'
order by flag, province nulls last, case_id

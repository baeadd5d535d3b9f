-- Cases that need a second look (planners' tier: one row per case and flag, with case_id).
-- child_returned_without_bid (kept name; the domain rule child_move_needs_bid): a child, or a person
--   presumed one (age unknown, or age_years and date_of_birth disagreeing), moved out of care (return,
--   reintegration, follow-up, an exit other than lost_contact / referred_elsewhere, or closure not
--   after those exits) without a BID dated between identification and that first move, with its
--   outcome and deciding body. The same rule as the importer's generated SQL.
-- age_disputed: age_years and date_of_birth disagree on whether the person was under 18 at
--   identification (treated as a child; someone should check the documents).
-- no_follow_up: reintegrated, the follow-up period has ended by the as-of date, and no follow-up
--   was recorded within it.
-- repeat_victim: the case left the pipeline as re_trafficked.
-- $1: follow-up period in days (INTEGER), $2: as-of date (DATE).
-- Unordered: `redFlags` sorts the list; `redFlagCounts` counts it (a sort of every flag cost 1 s at 1M).
with c as (
  select
    case_id,
    coalesce(origin_province::varchar, left(origin_district::varchar, 4)) as province,
    (year(identification_date) * 10000 + month(identification_date) * 100 + day(identification_date))
      - (year(date_of_birth) * 10000 + month(date_of_birth) * 100 + day(date_of_birth)) < 180000 as dob_child,
    age_years < 18 as age_child,
    date_of_birth, age_years,
    identification_date, bid_date, bid_outcome::varchar as bid_outcome, bid_decided_by::varchar as bid_decided_by,
    return_date, reintegration_date, follow_up_date, closed_date,
    exit_reason::varchar as exit_reason, exit_date,
    coalesce(exit_date is not null and exit_reason::varchar in ('lost_contact', 'referred_elsewhere'), false) as exempt
  from cases
), m as (
  select *,
    (date_of_birth is null and age_years is null) or coalesce(dob_child, false) or coalesce(age_child, false) as child,
    least(return_date, reintegration_date, follow_up_date,
      case when exit_reason is not null and not exempt then exit_date end,
      case when not exempt then closed_date end) as first_move
  from c
)
select case_id, province, 'child_returned_without_bid' as flag,
  case
    when bid_date is null then 'no BID recorded'
    when bid_date < identification_date then 'BID recorded before identification (' || bid_date || ')'
    when bid_date > first_move then 'BID recorded after the move out of care (' || bid_date || ')'
    else 'BID without outcome or deciding body'
  end as detail,
  first_move as flag_date
from m
where child and first_move is not null
  and (bid_date is null or bid_date < identification_date or bid_date > first_move or bid_outcome is null or bid_decided_by is null)
union all
select case_id, province, 'age_disputed',
  'age_years ' || age_years || ' and the date of birth disagree on whether the person was under 18: treated as a child',
  identification_date
from m
where coalesce(dob_child <> age_child, false)
union all
select case_id, province, 'no_follow_up',
  case when follow_up_date is null then 'no follow-up recorded'
    else 'first follow-up ' || date_diff('day', reintegration_date, follow_up_date) || ' days after reintegration' end
    || coalesce(' (exit: ' || exit_reason || ')', ''),
  reintegration_date
from m
where reintegration_date is not null
  and reintegration_date + $1::integer <= $2::date
  and (follow_up_date is null or follow_up_date > reintegration_date + $1::integer)
union all
select case_id, province, 'repeat_victim', 're-trafficked', exit_date
from m
where exit_reason = 're_trafficked'

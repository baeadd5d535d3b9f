-- Victims by border checkpoint from the publication's facts cube. $1..$2: years; $3..$11: optional
-- cross-filters as in priority_inputs_from_facts.sql (NULL = all).
select border_point::varchar as checkpoint, sum(n)::integer as victims
from facts
where border_point is not null and year between $1 and $2
  and ($3 is null or victim_group::varchar = $3)
  and ($4 is null or sex::varchar = $4)
  and ($5 is null or age_band::varchar = $5)
  and ($6 is null or ethnicity_family::varchar = $6)
  and ($7 is null or exploitation_form::varchar = $7)
  and ($8 is null or destination::varchar = $8)
  and ($9 is null or border_point::varchar = $9)
  and ($10 is null or stage::varchar = $10)
  and ($11 is null or ethnic_group::varchar = $11)
group by border_point
order by border_point

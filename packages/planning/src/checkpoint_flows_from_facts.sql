-- Victims by border checkpoint from the publication's facts cube. $1..$2: years.
select border_point::varchar as checkpoint, sum(n)::integer as victims
from facts
where border_point is not null and year between $1 and $2
group by border_point
order by border_point

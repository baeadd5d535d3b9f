-- Ethnic group -> family, from the domain's reference data. $1: group codes, $2: families (comma-separated, same order).
CREATE OR REPLACE TEMP TABLE pub_ethnic_family AS
SELECT unnest(string_split($1, ',')) AS ethnic_group, unnest(string_split($2, ',')) AS family;

-- How many distinct trigrams the published name has once "thu tuc " is left out, as the search's
-- whole-name closeness (similarity) sees it. similarity(words, name) cannot exceed
-- min(words', name's) / max(words', name's): with this count stored, the public search scores exactly
-- only the names that can reach a page instead of every name holding the words (bench/catalog.ts).
alter table procedures
  add column search_name_trigrams integer
  generated always as (cardinality(show_trgm(regexp_replace(search_name, '^thu tuc ', '')))) stored;

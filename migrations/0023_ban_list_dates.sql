-- Ban-list entries made before the ban rules (issue 13), in two steps; the code now fills both at add time.
--
-- 1. A prevention entry with a NIK and no birth date never matched by name (names match only with the birth date):
--    its birth date is read from the NIK (digits 7-12 DDMMYY, the day +40 for women, +50/+60 as parseNik reads the
--    irregular ones), in the latest century that does not put the birth after the day the entry was added (WITA), as
--    `src/watchlist/birth-date-from-nik.ts` does. Digits that are no date (31 April, 29 February 2001) stay empty.
WITH parts AS (
  SELECT id,
    substr(nik, 7, 2)::int AS encoded_day,
    substr(nik, 9, 2)::int AS month,
    substr(nik, 11, 2)::int AS year2,
    to_char((added_at AT TIME ZONE 'Asia/Makassar')::date, 'YYYYMMDD')::int AS added
  FROM watchlist_entries
  WHERE birth_date IS NULL AND nik ~ '^[0-9]{16}$' AND substr(nik, 13, 4) <> '0000'
), days AS (
  SELECT id, month, year2, added,
    encoded_day - CASE WHEN encoded_day > 81 THEN 60 WHEN encoded_day > 71 THEN 50 WHEN encoded_day > 40 THEN 40
      ELSE 0 END AS day
  FROM parts
), dated AS (
  SELECT id, day, month,
    CASE WHEN (2000 + year2) * 10000 + month * 100 + day <= added THEN 2000 + year2 ELSE 1900 + year2 END AS year
  FROM days
  WHERE month BETWEEN 1 AND 12 AND day BETWEEN 1 AND 31
)
UPDATE watchlist_entries w
SET birth_date = make_date(d.year, d.month, d.day)
FROM dated d
WHERE w.id = d.id
  AND d.day <= extract(day FROM make_date(d.year, d.month, 1) + interval '1 month' - interval '1 day');
--> statement-breakpoint
-- 2. An entry with no last day never ended and could not be extended: it now ends after the longest first period
--    the law allows (UU 63/2024: pencegahan 6 months, penangkalan 10 years, as seeded in ban_rules) counted from the
--    day it was added (WITA), as `lastDayOfPeriod` counts: the day before the same date that many months later, or
--    the last day of that month when it has none. One that has ended by then is re-listed if still wanted; one still
--    running is extended by the keeper as any other. Their first day, which migration 0017 filled with the day it ran,
--    becomes the day they were added, lest the first day fall after the last.
WITH starts AS (
  SELECT id, (added_at AT TIME ZONE 'Asia/Makassar')::date AS first_day,
    CASE list WHEN 'entry' THEN 120 ELSE 6 END AS months
  FROM watchlist_entries
  WHERE valid_until IS NULL
), ends AS (
  SELECT id, first_day, (first_day + make_interval(months => months))::date AS same_date_later
  FROM starts
)
UPDATE watchlist_entries w
SET valid_from = e.first_day,
  valid_until = CASE
    -- No such date in that month (31 August + 6 months): its last day.
    WHEN extract(day FROM e.same_date_later) < extract(day FROM e.first_day) THEN e.same_date_later
    ELSE e.same_date_later - 1
  END
FROM ends e
WHERE w.id = e.id;

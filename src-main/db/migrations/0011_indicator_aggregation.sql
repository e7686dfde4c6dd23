-- Roll-up on import (issue 13, point 7): how rows finer than an indicator's frequency (daily or weekly
-- rows into a monthly indicator) make one value of its period. Existing indicators get it from their
-- unit by the rule of src-shared/indicators/aggregation.ts (keep the two in step): rates, scores and
-- durations are averaged, money and counted things add up. Every laptop computes the same value from
-- the same unit, so nothing is logged for it.
ALTER TABLE indicators ADD COLUMN aggregation TEXT NOT NULL DEFAULT 'mean'
  CHECK (aggregation IN ('mean', 'sum', 'last', 'min', 'max'));

UPDATE indicators SET aggregation = 'sum'
 WHERE NOT (
   lower(trim(unit)) IN (
     '', '%', 'percent', 'pct', 'ratio', 'rate', 'score', 'points', 'pts', 'index', 'nps',
     'days', 'day', 'd', 'hours', 'hour', 'h', 'minutes', 'min', 'seconds', 's', 'weeks', 'months', 'years',
     'jours', 'jour', 'j', 'heures', 'heure', 'semaines', 'mois', 'ans', 'années', 'taux'
   )
   OR trim(unit) LIKE '%\%' ESCAPE '\'
   OR trim(unit) LIKE '\% %' ESCAPE '\'
   OR lower(unit) LIKE '% per %'
   OR instr(unit, '/') > 0
 );

-- The feed's values are stored as the JSON text the server received (json), not decomposed (jsonb):
-- the server never looks inside them with operators, the pull sends the text on as it is, and the
-- snapshot of a moved row parses it in JavaScript. Writing json costs less than jsonb (a 100k-change
-- push: see the commit message). Numbered 0012 by the project's plan of migration numbers; the
-- runner (store/migrate.ts) needs them only to increase.
ALTER TABLE feed
  ALTER COLUMN fields TYPE json USING fields::json,
  ALTER COLUMN clocks TYPE json USING clocks::json,
  ALTER COLUMN base TYPE json USING base::json;

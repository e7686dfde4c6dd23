-- The central store of Boucle's optional sync (src-server). It keeps every accepted change once, in
-- the order it was committed, per department; who may read or write which department; and, per
-- row, its department and newest clock (for moves, scope checks and checksums). The server process
-- keeps nothing else: any number of replicas serve the same clients from this database.

CREATE TABLE server_info (
  key    text PRIMARY KEY,
  value  text NOT NULL
);
INSERT INTO server_info (key, value) VALUES ('server_id', gen_random_uuid()::text);

CREATE TABLE users (
  id          bigserial PRIMARY KEY,
  name        text NOT NULL,
  all_read    boolean NOT NULL DEFAULT false,   -- the transverse reader: reads every department
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_name ON users (lower(name));

-- API tokens: only the SHA-256 of the token is kept (the token is shown once, when made).
CREATE TABLE tokens (
  id            bigserial PRIMARY KEY,
  user_id       bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  hash          bytea NOT NULL UNIQUE,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_used_at  timestamptz
);

-- Per department CODE (a grant may name a department no laptop has pushed yet).
CREATE TABLE grants (
  user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  dept_code  text NOT NULL,                   -- upper case
  level      text NOT NULL CHECK (level IN ('read', 'write')),
  PRIMARY KEY (user_id, dept_code)
);

-- Departments as the laptops pushed them: the code decides which grants cover the department.
CREATE TABLE departments (
  id         uuid PRIMARY KEY,
  code       text NOT NULL,                   -- upper case
  code_hlc   bigint NOT NULL,
  code_node  text COLLATE "C" NOT NULL
);
CREATE INDEX departments_code ON departments (code);

-- Commit order: drawn only under the push lock (store/push.ts says why), so that the committed
-- changes always form a prefix of this order and a pull cursor can never skip one.
CREATE SEQUENCE feed_ord AS bigint;

-- The feed of every department: each accepted change once (kind 0), and for a row that moved, a
-- notice in the department it left (kind 1) and the whole row in the one it joined (kind 2).
CREATE TABLE feed (
  ord      bigint PRIMARY KEY,
  dep      uuid NOT NULL,
  kind     smallint NOT NULL,
  tx       text NOT NULL,
  pos      integer NOT NULL,
  node     text COLLATE "C" NOT NULL,
  hlc      bigint NOT NULL,
  entity   text NOT NULL,
  row_id   uuid NOT NULL,
  op       text NOT NULL,
  fields   jsonb NOT NULL,
  clocks   jsonb,
  base     jsonb,
  user_id  bigint NOT NULL
);
CREATE INDEX feed_dep ON feed (dep, ord);
CREATE UNIQUE INDEX feed_change ON feed (node, hlc) WHERE kind = 0;
CREATE INDEX feed_row ON feed (row_id) WHERE kind = 0;

-- Per row: where it is now (last writer of department_id wins) and its newest clock.
CREATE TABLE row_heads (
  entity    text NOT NULL,
  row_id    uuid NOT NULL,
  dep       uuid NOT NULL,
  dep_hlc   bigint NOT NULL,
  dep_node  text COLLATE "C" NOT NULL,
  hlc       bigint NOT NULL,
  node      text COLLATE "C" NOT NULL,
  PRIMARY KEY (row_id, entity)
);
CREATE INDEX row_heads_dep ON row_heads (dep);

CREATE TABLE nodes (
  node     text PRIMARY KEY,
  user_id  bigint NOT NULL REFERENCES users (id)
);

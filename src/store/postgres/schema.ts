// The Postgres history schema, as numbered migrations applied in order on first connect (see
// migrate.ts). Designed for the queries history makes: a run is opened by its first part, each
// shard (or the whole run) is one part keyed (run_id, part), and tests, metric samples and alerts
// hang off a part. Unique keys make every upload idempotent (`ON CONFLICT DO NOTHING`).
// Columns hold what queries filter and sort on; the `header`/`body` JSON keeps the whole record
// (CompactRun without its lists, CompactTest, MetricSeries), so fields added later survive.
// Never edit a released migration: add the next one.

export const SCHEMA = 'playwright_perf';

export interface Migration {
  version: number;
  title: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    title: 'runs, parts, tests, metric samples, alerts, pins, optimizations',
    sql: `
CREATE TABLE ${SCHEMA}.runs (
  run_id text PRIMARY KEY,
  shard_total int NOT NULL DEFAULT 1,
  opened_at timestamptz NOT NULL DEFAULT now(),
  sealed_at timestamptz
);
CREATE TABLE ${SCHEMA}.run_parts (
  run_id text NOT NULL REFERENCES ${SCHEMA}.runs ON DELETE CASCADE,
  part text NOT NULL,
  start_time bigint NOT NULL,
  wall_time_ms double precision NOT NULL,
  status text NOT NULL,
  interrupted boolean NOT NULL,
  branch text,
  commit text,
  machine_class text NOT NULL,
  header jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (run_id, part)
);
CREATE INDEX run_parts_by_branch ON ${SCHEMA}.run_parts (branch, machine_class, start_time DESC);
CREATE INDEX run_parts_by_time ON ${SCHEMA}.run_parts (start_time);
CREATE TABLE ${SCHEMA}.tests (
  run_id text NOT NULL,
  part text NOT NULL,
  ord int NOT NULL,
  project text NOT NULL,
  subject text NOT NULL,
  outcome text NOT NULL,
  body jsonb NOT NULL,
  PRIMARY KEY (run_id, part, ord),
  FOREIGN KEY (run_id, part) REFERENCES ${SCHEMA}.run_parts ON DELETE CASCADE
);
CREATE INDEX tests_by_subject ON ${SCHEMA}.tests (subject, project);
CREATE TABLE ${SCHEMA}.metric_samples (
  run_id text NOT NULL,
  part text NOT NULL,
  ord int NOT NULL,
  metric text NOT NULL,
  project text,
  subject text NOT NULL,
  body jsonb NOT NULL,
  PRIMARY KEY (run_id, part, ord),
  FOREIGN KEY (run_id, part) REFERENCES ${SCHEMA}.run_parts ON DELETE CASCADE
);
CREATE INDEX metric_samples_by_key ON ${SCHEMA}.metric_samples (metric, subject);
CREATE TABLE ${SCHEMA}.alerts (
  ord bigserial PRIMARY KEY,
  run_id text NOT NULL,
  body jsonb NOT NULL
);
CREATE INDEX alerts_by_run ON ${SCHEMA}.alerts (run_id);
CREATE TABLE ${SCHEMA}.pins (
  name text NOT NULL,
  ord int NOT NULL,
  run_id text NOT NULL,
  PRIMARY KEY (name, ord)
);
CREATE TABLE ${SCHEMA}.optimizations (
  ord bigserial PRIMARY KEY,
  body jsonb NOT NULL
);
-- Bumped by every write: readers that cache the history (serve) compare it instead of re-reading.
CREATE TABLE ${SCHEMA}.revision (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  value bigint NOT NULL
);
INSERT INTO ${SCHEMA}.revision (value) VALUES (0);`,
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

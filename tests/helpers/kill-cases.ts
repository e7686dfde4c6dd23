import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { APPLICATION_ID, MIGRATIONS } from '../../src-main/db/migrations';
import { listBackups, writeBackup } from '../../src-main/services/workspace/backups';
import { openWorkspace } from '../../src-main/core/workspace';
import { applyTemplate } from '../../src-main/services/processes/templates';
import { tempDir } from './workspace';

// SIGKILL at a random moment of a command that writes, then the checks a user relies on: the
// database passes integrity_check, and the command happened all or nothing (never half a demo, half
// a migration, a missing or 0-byte database after a restore). Shared by the test (a few seeded kill
// points) and `npm run bench -- reliability` (many).

const BIN = path.resolve(__dirname, '../../bin/boucle.mjs');
const DB = 'boucle.sqlite';

export interface KillOutcome {
  /** The database is sound and the command happened all or nothing. */
  survived: boolean;
  /** Rows of what was there before that are gone (must be 0). */
  lost: number;
  /** Whether the command had finished before the kill. */
  finished: boolean;
  detail: string;
}

export interface KillCase {
  name: string;
  /** A data folder ready for the command; returns what the check needs. */
  prepare(): Promise<{ dir: string; args: string[]; expect: Record<string, unknown> }>;
  check(dir: string, expect: Record<string, unknown>): KillOutcome;
}

export function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), s | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

export function runBoucle(args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const c = spawn(process.execPath, [BIN, ...args], { stdio: 'ignore' });
    c.on('exit', (code) => resolve(code ?? -1));
  });
}

/** Runs the command and kills it with SIGKILL after `ms` (or lets it finish first). */
export function runAndKill(args: string[], ms: number): Promise<{ killed: boolean }> {
  return new Promise((resolve) => {
    const c = spawn(process.execPath, [BIN, ...args], { stdio: 'ignore' });
    const timer = setTimeout(() => c.kill('SIGKILL'), ms);
    c.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL' });
    });
  });
}

/** Opens the database as the app would next: SQLite recovers what a killed writer left (hot journal, WAL). */
function readOnly(dir: string): Database.Database {
  return new Database(path.join(dir, DB), { fileMustExist: true });
}

function integrity(db: Database.Database): string {
  return String(db.pragma('integrity_check', { simple: true }));
}

const count = (db: Database.Database, table: string) => db.prepare(`SELECT COUNT(*) FROM ${table} WHERE deleted_at IS NULL`).pluck().get() as number;

/** Every backup the folder lists opens and passes its check (a cut one never carries a backup's name). */
function backupsSound(dir: string): string | null {
  for (const b of listBackups(dir).items) {
    const db = new Database(path.join(dir, 'backups', b.name), { readonly: true });
    try {
      const r = integrity(db);
      if (r !== 'ok') return `${b.name}: ${r}`;
    } finally {
      db.close();
    }
  }
  return null;
}

export const demoCase: KillCase = {
  name: 'boucle demo',
  async prepare() {
    const dir = tempDir('boucle-kill-demo-');
    openWorkspace(dir).close();
    return { dir, args: ['demo', '--data', dir], expect: {} };
  },
  check(dir) {
    const db = readOnly(dir);
    try {
      const ok = integrity(db);
      const deps = count(db, 'departments');
      const measurements = count(db, 'measurements');
      const whole = (deps === 0 && measurements === 0) || (deps === 3 && measurements > 100);
      return { survived: ok === 'ok' && whole, lost: 0, finished: deps === 3, detail: `integrity ${ok}; ${deps} departments, ${measurements} measurements` };
    } finally {
      db.close();
    }
  },
};

export const migrationCase: KillCase = {
  name: 'a migration (open of an older workspace)',
  async prepare() {
    const dir = tempDir('boucle-kill-migration-');
    const db = new Database(path.join(dir, DB));
    db.pragma('journal_mode = WAL');
    db.exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    for (const m of MIGRATIONS.slice(0, -1)) {
      db.exec(m.sql);
      db.prepare(`INSERT INTO schema_migrations VALUES (?, ?, ?, ?)`).run(m.version, m.name, m.checksum, new Date().toISOString());
    }
    const now = new Date().toISOString();
    const insert = db.prepare(`INSERT INTO departments (id, department_id, name, code, colour, created_at, updated_at) VALUES (?, ?, ?, ?, '#000000', ?, ?)`);
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) {
        const id = `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`;
        insert.run(id, id, `Department ${i}`, `D${i}`, now, now);
      }
    })();
    db.close();
    return { dir, args: ['info', '--data', dir], expect: { departments: 2000 } };
  },
  check(dir, expect) {
    const db = readOnly(dir);
    try {
      const ok = integrity(db);
      const versions = db.prepare(`SELECT version FROM schema_migrations ORDER BY version`).pluck().all() as number[];
      const deps = count(db, 'departments');
      const whole = versions.length === MIGRATIONS.length - 1 || versions.length === MIGRATIONS.length;
      const broken = backupsSound(dir);
      return {
        survived: ok === 'ok' && whole && broken === null,
        lost: Math.max(0, (expect.departments as number) - deps),
        finished: versions.length === MIGRATIONS.length,
        detail: `integrity ${ok}; schema ${versions.at(-1)}; ${deps} departments${broken ? `; backup ${broken}` : ''}`,
      };
    } finally {
      db.close();
    }
  },
};

export const restoreCase: KillCase = {
  name: 'boucle restore',
  async prepare() {
    const dir = tempDir('boucle-kill-restore-');
    const ws = openWorkspace(dir);
    applyTemplate(ws, { template: 'finance', lang: 'en' } as Parameters<typeof applyTemplate>[1]);
    const backup = path.join(dir, 'old.sqlite');
    writeBackup(ws.db, dir, 'manual', { out: backup, check: 'quick' });
    applyTemplate(ws, { template: 'hr', lang: 'en' } as Parameters<typeof applyTemplate>[1]);
    ws.close();
    return { dir, args: ['restore', backup, '--data', dir], expect: { before: 2, restored: 1 } };
  },
  check(dir, expect) {
    if (!fs.existsSync(path.join(dir, DB)) || fs.statSync(path.join(dir, DB)).size === 0) {
      return { survived: false, lost: 2, finished: false, detail: 'no database after the kill' };
    }
    const db = readOnly(dir);
    try {
      const ok = integrity(db);
      const deps = count(db, 'departments');
      const restored = deps === expect.restored;
      // The database it replaced is kept aside whole.
      let aside = true;
      if (restored) {
        const folders = fs.readdirSync(path.join(dir, 'backups')).filter((f) => f.startsWith('replaced-'));
        aside = folders.some((f) => {
          const old = new Database(path.join(dir, 'backups', f, DB), { readonly: true });
          try {
            return count(old, 'departments') === expect.before;
          } finally {
            old.close();
          }
        });
      }
      const whole = deps === expect.before || restored;
      return {
        survived: ok === 'ok' && whole && aside,
        lost: restored && !aside ? (expect.before as number) : 0,
        finished: restored,
        detail: `integrity ${ok}; ${deps} departments${restored ? `, old one aside: ${aside}` : ''}`,
      };
    } finally {
      db.close();
    }
  },
};

const IMPORT_ROWS = 20_000;

export const importCase: KillCase = {
  name: 'boucle import measurements',
  async prepare() {
    const dir = tempDir('boucle-kill-import-');
    const ws = openWorkspace(dir);
    ws.writer.write((tx) => {
      const dep = tx.insert('departments', { name: 'Finance', code: 'FIN', colour: '#1c7ed6', department_id: '' });
      for (let k = 0; k < 20; k++) {
        tx.insert('indicators', { name: `KPI ${String(k).padStart(2, '0')}`, unit: '', direction: 'lower', category: 'outcome', tolerance_pct: 10, frequency: 'daily', source: 'manual', department_id: dep });
      }
    });
    ws.close();
    const lines = ['indicator,date,value'];
    for (let n = 0; n < IMPORT_ROWS; n++) {
      lines.push(`KPI ${String(n % 20).padStart(2, '0')},${new Date(Date.UTC(1950, 0, 1 + Math.floor(n / 20))).toISOString().slice(0, 10)},${(n % 997) / 10}`);
    }
    const file = path.join(dir, 'measurements.csv');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    return { dir, args: ['import', 'measurements', file, '--data', dir], expect: { rows: IMPORT_ROWS } };
  },
  check(dir, expect) {
    const db = readOnly(dir);
    try {
      const ok = integrity(db);
      const rows = count(db, 'measurements');
      const whole = rows === 0 || rows === expect.rows;
      return { survived: ok === 'ok' && whole, lost: 0, finished: rows === expect.rows, detail: `integrity ${ok}; ${rows} of ${expect.rows as number} measurements` };
    } finally {
      db.close();
    }
  },
};

export const KILL_CASES = [demoCase, migrationCase, restoreCase, importCase];

/** How long the command takes when left alone: kill points are drawn within it. */
export async function duration(c: KillCase): Promise<number> {
  const { dir, args } = await c.prepare();
  const started = Date.now();
  await runBoucle(args);
  fs.rmSync(dir, { recursive: true, force: true });
  return Date.now() - started;
}

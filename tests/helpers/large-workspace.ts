import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../src-main/core/dispatch';
import { openWorkspace } from '../../src-main/core/workspace';
import type { OpenedWorkspace as Workspace } from '../../src-main/core/workspace';
import { GAP_STATUSES, GAP_TYPES, INTERVENTION_KINDS, INTERVENTION_STATUSES, PLATFORMS } from '../../src-shared/domain';

// A workspace at the scale issue 4 names (20,000 gaps, 5,000 interventions), for the benchmarks and
// the end-to-end scale test. Seeded, so every run builds the same rows.

export interface LargeWorkspace {
  dir: string;
  ws: Workspace;
  core: Core;
  counts: Record<string, number>;
  /** Seconds to generate. */
  seconds: number;
  departmentIds: string[];
  cleanup(): void;
}

// Words of a finance / HR / supply-chain workspace, French and English, with accents, so that the
// search index holds what a real one would.
const SUBJECTS = [
  'Délai', 'Facture', 'Commande', 'Approbation', 'Rapprochement', 'Relance', 'Litige', 'Avoir', 'Inventaire', 'Réception',
  'Invoice', 'Purchase order', 'Approval', 'Onboarding', 'Badge', 'Contrat', 'Prévision', 'Stock', 'Expédition', 'Clôture',
  'Budget', 'Paiement', 'Fournisseur', 'Candidat', 'Formation', 'Access', 'Forecast', 'Shipment', 'Dispute', 'Credit',
];
const PROBLEMS = [
  'en attente', 'sans réponse', 'ressaisi deux fois', 'perdu entre équipes', 'bloqué', 'arrive en retard', 'mal renseigné',
  'waits for a decision', 'is keyed twice', 'lost in e-mail', 'reaches the wrong person', 'without owner', 'not documented',
];
const CONTEXTS = [
  'au service comptable', 'chez le contrôleur de gestion', 'dans le portail fournisseurs', 'à la clôture mensuelle',
  'in the ERP', 'between sales and credit', 'in the warehouse', 'during month-end close', 'on the shop floor', 'for new hires',
];
const WORDS = [
  'le', 'la', 'des', 'équipe', 'responsable', 'réunion', 'tableur', 'courriel', 'validation', 'écart', 'échéance', 'trésorerie',
  'the', 'team', 'manager', 'spreadsheet', 'e-mail', 'approval', 'exception', 'deadline', 'cash', 'knowledge', 'expert', 'handover',
  'qualité', 'délai', 'prix', 'quantité', 'réception', 'planning', 'demand', 'supply', 'carrier', 'customs', 'payroll', 'recruiting',
];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A workspace of `gaps` gaps (default 20,000) and interventions, processes, steps and indicators in
 * proportion, written through the write path in ONE transaction (so the change log and the search
 * triggers do their real work).
 */
export function buildLargeWorkspace(gaps = 20_000): LargeWorkspace {
  const started = process.hrtime.bigint();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boucle-bench-'));
  const ws = openWorkspace(dir);
  const r = rng(20_000);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const date = () => `20${pick(['24', '25', '26'])}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
  const counts = { departments: 4, processes: Math.round(gaps / 50), steps: Math.round(gaps / 5), gaps, interventions: Math.round(gaps / 4), indicators: Math.round(gaps / 40), gap_interventions: 0 };
  const departmentIds: string[] = [];
  ws.writer.write((tx) => {
    const deps = [
      ['Finance', 'FIN', 6500],
      ['Ressources humaines', 'RH', 5200],
      ['Supply chain', 'SC', 5800],
      ['Achats', 'ACH', null],
    ] as const;
    for (const [name, code, rate] of deps) {
      departmentIds.push(tx.insert('departments', { name, code, colour: '#1c7ed6', loaded_hourly_rate_cents: rate, currency: 'EUR', department_id: '' }));
    }
    const procs: { id: string; dep: string; steps: string[] }[] = [];
    for (let i = 0; i < counts.processes; i++) {
      const dep = departmentIds[i % departmentIds.length]!;
      const id = tx.insert('processes', { name: `${pick(SUBJECTS)} — processus ${i}`, description: sentence(12), systems: ['ERP'], source: 'manual', department_id: dep });
      procs.push({ id, dep, steps: [] });
    }
    for (let i = 0; i < counts.steps; i++) {
      const p = procs[i % procs.length]!;
      p.steps.push(tx.insert('steps', { process_id: p.id, name: `${pick(SUBJECTS)} ${pick(CONTEXTS)}`, lane: pick(['AP', 'Contrôleur', 'Buyer', 'RH', 'Planner']), position: p.steps.length, department_id: p.dep }));
    }
    const gapsOf = new Map<string, string[]>(departmentIds.map((d) => [d, []]));
    for (let i = 0; i < gaps; i++) {
      const p = procs[Math.floor(r() * procs.length)]!;
      gapsOf.get(p.dep)!.push(
        tx.insert('gaps', {
          process_id: p.id,
          step_id: r() < 0.8 ? pick(p.steps) : null,
          title: `${pick(SUBJECTS)} ${pick(PROBLEMS)} ${pick(CONTEXTS)}`,
          type: pick(GAP_TYPES),
          description: sentence(25),
          evidence: sentence(10),
          severity: 1 + Math.floor(r() * 5),
          frequency_per_month: Math.round(r() * 60),
          hours_lost_per_occurrence: Math.round(r() * 32) / 4,
          status: pick(GAP_STATUSES),
          owner: pick(['Hélène Martin', 'Marc Dubois', 'Ana Costa', 'Li Wei', null]),
          found_on: date(),
          department_id: p.dep,
        }),
      );
    }
    for (let i = 0; i < counts.interventions; i++) {
      const dep = departmentIds[i % departmentIds.length]!;
      const id = tx.insert('interventions', {
        title: `${pick(['Communauté', 'Forum', 'Annuaire', 'Wiki', 'Défi', 'Mentorat', 'Community', 'Q&A'])} ${pick(SUBJECTS).toLowerCase()} ${i}`,
        kind: pick(INTERVENTION_KINDS),
        platform: pick(PLATFORMS),
        description: sentence(20),
        status: pick(INTERVENTION_STATUSES),
        start_date: date(),
        one_off_cost_cents: Math.floor(r() * 1_000_000),
        recurring_cost_cents: Math.floor(r() * 100_000),
        currency: 'EUR',
        department_id: dep,
      });
      // Two gaps per intervention, of its department.
      const own = gapsOf.get(dep)!;
      const linked = new Set<string>();
      for (let k = 0; k < 2; k++) linked.add(pick(own));
      for (const g of linked) {
        tx.insert('gap_interventions', { gap_id: g, intervention_id: id, department_id: dep });
        counts.gap_interventions++;
      }
    }
    for (let i = 0; i < counts.indicators; i++) {
      const p = procs[i % procs.length]!;
      tx.insert('indicators', { process_id: p.id, name: `${pick(['Délai moyen', 'Taux', 'Coût', 'Days', 'Rate'])} ${pick(SUBJECTS).toLowerCase()} ${i}`, unit: pick(['jours', '%', 'EUR']), direction: pick(['higher', 'lower']), formula: sentence(8), department_id: p.dep });
    }
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    dir,
    ws,
    core: createCore(ws),
    counts,
    seconds,
    departmentIds,
    cleanup() {
      ws.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}


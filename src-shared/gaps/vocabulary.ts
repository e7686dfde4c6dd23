import { z } from 'zod';
import { msg } from '../messages';
import { INTERVENTION_KINDS, PLATFORMS } from '../domain';
import { id, name } from '../common';

// Vocabulary: the kinds and platforms of interventions, built-in and the user's own.

export const VOCABULARY_KINDS = ['intervention_kind', 'platform'] as const;
export type VocabularyKind = (typeof VOCABULARY_KINDS)[number];

export interface LocalLabel {
  en: string;
  fr: string;
}

/** Labels of the built-in kinds of DOMAIN.md, in both languages of the app. */
export const BUILTIN_KIND_LABELS: Readonly<Record<(typeof INTERVENTION_KINDS)[number], LocalLabel>> = {
  community_of_practice: { en: 'Community of practice', fr: 'Communauté de pratique' },
  qa_forum: { en: 'Q&A forum', fr: 'Forum questions-réponses' },
  expert_directory: { en: 'Expert directory / locator', fr: "Annuaire d'experts" },
  social_layer: { en: 'Social layer in a business application', fr: 'Couche sociale dans une application métier' },
  shared_workspace: { en: 'Shared workspace or wiki', fr: 'Espace partagé ou wiki' },
  idea_challenge: { en: 'Idea challenge (crowdsourcing)', fr: "Challenge d'idées (crowdsourcing)" },
  mentoring: { en: 'Mentoring or peer network', fr: 'Mentorat ou réseau de pairs' },
  working_out_loud: { en: 'Working out loud', fr: 'Travail à voix haute (working out loud)' },
  social_workflow: { en: 'Social workflow (notifications, @mentions)', fr: 'Workflow social (notifications, @mentions)' },
};

/** Platforms are product names; only "Other" needs a translation. */
export const BUILTIN_PLATFORM_LABELS: Readonly<Record<(typeof PLATFORMS)[number], LocalLabel>> = Object.fromEntries(
  PLATFORMS.map((p) => [p, p === 'Other' ? { en: 'Other', fr: 'Autre' } : { en: p, fr: p }]),
) as Record<(typeof PLATFORMS)[number], LocalLabel>;

const vocabularyCode = z
  .string()
  .trim()
  .min(1, msg('common.required'))
  .max(80, msg('common.max_chars', { max: 80 }))
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._&+-]*$/u, msg('vocabulary.code_chars'));

export const vocabularyAdd = z
  .object({
    departmentId: id,
    kind: z.enum(VOCABULARY_KINDS, msg('vocabulary.kind')),
    label: name(120),
    /** What interventions store. Default: for a kind, the label as snake_case; for a platform, the label. */
    code: vocabularyCode.optional(),
  })
  .strict();

export const vocabularyList = z
  .object({
    kind: z.enum(VOCABULARY_KINDS).optional(),
    /** User entries of this department only (built-ins are always listed); default: every department's. */
    departmentId: id.optional(),
  })
  .strict();

export const vocabularyRemove = z.object({ id }).strict();

export type VocabularyAddInput = z.input<typeof vocabularyAdd>;

export interface VocabularyEntry {
  /** null for a built-in entry (it cannot be removed). */
  id: string | null;
  kind: VocabularyKind;
  code: string;
  /** Built-ins have both languages; a user entry shows its own text in both. */
  label: LocalLabel;
  builtIn: boolean;
  /** null for a built-in entry (it belongs to every department). */
  departmentId: string | null;
}

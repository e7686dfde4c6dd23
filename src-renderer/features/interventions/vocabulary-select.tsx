import { useState } from 'react';
import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { VocabularyEntry, VocabularyKind } from '@shared/gaps/vocabulary';
import { api } from '../../api/client';
import { showApiError } from '../../components/api-form';
import { useLoad } from '../../components/use-load';

const ADD = '__add:';

export interface VocabularySelectProps extends Omit<SelectProps, 'data' | 'onChange' | 'value'> {
  kind: VocabularyKind;
  /** User entries are kept per department; without one the user cannot add an entry. */
  departmentId: string | null;
  value?: string | null;
  onChange(code: string | null): void;
}

export const vocabularyLabel = (e: VocabularyEntry, lang: string) => (lang.startsWith('fr') ? e.label.fr : e.label.en);

/**
 * The built-in kinds or platforms plus the department's own; typing a word that is not in the list
 * offers "Add …", which stores it in the vocabulary (the core checks it) and selects it.
 */
export function VocabularySelect({ kind, departmentId, value, onChange, ...rest }: VocabularySelectProps) {
  const { t, i18n } = useTranslation('interventions');
  const [search, setSearch] = useState('');
  const vocab = useLoad(() => api.call('vocabulary.list', { kind, ...(departmentId ? { departmentId } : {}) }), [kind, departmentId]);
  const entries = vocab.data ?? [];
  const options = entries.map((e) => ({ value: e.code, label: vocabularyLabel(e, i18n.language) }));
  // A stored code that is not (or no longer) in the list still shows as itself.
  if (value && !options.some((o) => o.value === value)) options.push({ value, label: value });
  const typed = search.trim();
  const known = options.some((o) => o.label.toLowerCase() === typed.toLowerCase() || o.value.toLowerCase() === typed.toLowerCase());
  if (typed && !known && departmentId) options.push({ value: `${ADD}${typed}`, label: t('vocab.add', { label: typed }) });

  const pick = async (v: string | null) => {
    if (!v || !v.startsWith(ADD)) {
      onChange(v);
      return;
    }
    try {
      const entry = await api.call('vocabulary.add', { departmentId: departmentId!, kind, label: v.slice(ADD.length) });
      vocab.reload();
      onChange(entry.code);
      setSearch(vocabularyLabel(entry, i18n.language));
    } catch (e) {
      showApiError(e);
    }
  };

  return (
    <Select
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={options}
      value={value ?? null}
      onChange={(v) => void pick(v)}
      nothingFoundMessage={departmentId ? undefined : t('vocab.needDepartment')}
      {...rest}
    />
  );
}

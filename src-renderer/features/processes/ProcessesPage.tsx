import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// Temporary page while the feature is being built.
export default function ProcessesPage() {
  const { t } = useTranslation();
  return <Title order={2}>{t('nav.processes')}</Title>;
}

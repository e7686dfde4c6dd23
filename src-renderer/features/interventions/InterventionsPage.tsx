import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// Temporary page while the feature is being built.
export default function InterventionsPage() {
  const { t } = useTranslation();
  return <Title order={2}>{t('nav.interventions')}</Title>;
}

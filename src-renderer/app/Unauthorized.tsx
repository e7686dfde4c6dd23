import { Center, Code, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function Unauthorized() {
  const { t } = useTranslation();
  return (
    <Center h="100vh" bg="gray.0">
      <Paper p="xl" radius="md" withBorder maw={560}>
        <Stack>
          <Title order={3}>{t('errors.unauthorized')}</Title>
          <Text>{t('errors.unauthorizedHelp')}</Text>
          <Code block>npx boucle serve</Code>
        </Stack>
      </Paper>
    </Center>
  );
}

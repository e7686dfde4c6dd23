import type { Gap } from '@shared/api';

// Temporary: the create/edit gap dialog. Replaced by the processes/gaps feature.
export interface GapFormModalProps {
  opened: boolean;
  onClose(): void;
  /** Where the new gap goes; ignored when editing. */
  processId?: string;
  stepId?: string | null;
  /** The gap to edit; absent = create. */
  gap?: Gap | null;
  onSaved?(gap: Gap): void;
}
export default function GapFormModal(_props: GapFormModalProps) {
  return null;
}

// The shared wording of a period (the core writes the same in its method sentences).
export { periodLabel } from '@shared/indicators/period-label';

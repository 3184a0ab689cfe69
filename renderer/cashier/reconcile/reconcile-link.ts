import type { ReconcileApi, ReconcileEvent } from '../../../common/reconcile-contract.ts';

/** The panel's way to main: the cashier api's reconcile functions and its 'reconcile' events. */
export interface ReconcileLink {
  api: ReconcileApi;
  onEvent(listener: (event: ReconcileEvent) => void): () => void;
}

import type { common as id } from '../id/common.ts';
import type { SameKeys } from '../shape.ts';

export const common: SameKeys<typeof id> = {
  connectionLost: 'Connection lost — reconnecting…',
  noToken: 'This page address is incomplete. Open the address the kiosk showed when it started.',
  unexpectedError: 'Something unexpected went wrong. Try again.',
  loading: 'Loading…',
};

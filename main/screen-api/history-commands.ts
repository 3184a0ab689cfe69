/**
 * The history's commands: a search page and one row's detail. Both only read the journal; a
 * refused search runs nothing and answers 'history-query-invalid' with every problem named.
 */
import type { z } from 'zod';
import type { HistoryCashierCommands, HistoryQuery } from '../../common/history-contract.ts';
import type { HISTORY_SCHEMAS } from '../../common/history-schemas.ts';
import type { HistoryService } from '../history/history-service.ts';
import { CommandRefusal, contractError } from './errors.ts';

type HistoryCommand = keyof HistoryCashierCommands;

export type HistoryHandlers = {
  [N in HistoryCommand]: (payload: z.output<(typeof HISTORY_SCHEMAS)[N]>) => HistoryCashierCommands[N][1];
};

export function historyHandlers(history: HistoryService | undefined): HistoryHandlers {
  const service = (): HistoryService => {
    // A kiosk api built without a journal (some tests) has no history to read.
    if (history === undefined) throw new CommandRefusal(contractError('unknown-command'));
    return history;
  };
  return {
    // The payload's schema checked only its shape; search() judges every value before reading.
    'history.search': (query) => service().search(query as HistoryQuery),
    'history.detail': ({ kind, id }) => service().detail(kind, id),
  };
}

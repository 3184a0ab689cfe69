/**
 * The history screen's conversation with main: a search (first page), more pages with the
 * cursor main handed out, and one row's detail. An answer that arrives after a newer request was
 * made is dropped, so a slow first search can never overwrite the results of the next one.
 */
import { useCallback, useRef, useState } from 'react';
import type { CashierApi } from '../../../common/contract.ts';
import type {
  HistoryDetail,
  HistoryKind,
  HistoryQuery,
  HistoryRow,
} from '../../../common/history-contract.ts';
import { noticeFromError, type Bilingual, type Notice } from '../../shared/errors.ts';

export interface HistoryResults {
  status: 'idle' | 'loading' | 'done';
  rows: HistoryRow[];
  query: HistoryQuery | undefined;
  nextCursor: string | undefined;
  searchedBackTo: string | undefined;
  notice: Notice | undefined;
}

export interface OpenDetail {
  kind: HistoryKind;
  id: string;
  detail: HistoryDetail | undefined;
  notice: Notice | undefined;
}

const IDLE: HistoryResults = {
  status: 'idle',
  rows: [],
  query: undefined,
  nextCursor: undefined,
  searchedBackTo: undefined,
  notice: undefined,
};

export function useHistory(api: CashierApi, unexpected: Bilingual) {
  const [results, setResults] = useState<HistoryResults>(IDLE);
  const [open, setOpen] = useState<OpenDetail | undefined>(undefined);
  const searchSeq = useRef(0);
  const detailSeq = useRef(0);

  const run = useCallback(
    (query: HistoryQuery, append: boolean) => {
      const seq = ++searchSeq.current;
      setResults((r) => ({ ...r, status: 'loading', notice: undefined }));
      api.searchHistory(query).then(
        (page) => {
          if (seq !== searchSeq.current) return;
          const { cursor: _cursor, ...filters } = query;
          setResults((r) => ({
            status: 'done',
            rows: append ? [...r.rows, ...page.rows] : page.rows,
            query: filters,
            nextCursor: page.nextCursor,
            searchedBackTo: page.searchedBackTo,
            notice: undefined,
          }));
        },
        (error: unknown) => {
          if (seq !== searchSeq.current) return;
          setResults((r) => ({ ...r, status: 'done', notice: noticeFromError(error, unexpected) }));
        },
      );
    },
    [api, unexpected],
  );

  const search = useCallback((query: HistoryQuery) => run(query, false), [run]);

  const more = useCallback(() => {
    const { query, nextCursor } = results;
    if (query === undefined || nextCursor === undefined || results.status === 'loading') return;
    run({ ...query, cursor: nextCursor }, true);
  }, [results, run]);

  const openDetail = useCallback(
    (kind: HistoryKind, id: string) => {
      const seq = ++detailSeq.current;
      setOpen({ kind, id, detail: undefined, notice: undefined });
      api.historyDetail(kind, id).then(
        (detail) => {
          if (seq === detailSeq.current) setOpen({ kind, id, detail, notice: undefined });
        },
        (error: unknown) => {
          if (seq === detailSeq.current) {
            setOpen({ kind, id, detail: undefined, notice: noticeFromError(error, unexpected) });
          }
        },
      );
    },
    [api, unexpected],
  );

  /** The open detail read again (a refund was made or resolved), shown until the new one arrives. */
  const reloadDetail = useCallback(() => {
    if (open === undefined) return;
    const { kind, id } = open;
    const seq = ++detailSeq.current;
    api.historyDetail(kind, id).then(
      (detail) => {
        if (seq === detailSeq.current) setOpen({ kind, id, detail, notice: undefined });
      },
      () => undefined,
    );
  }, [api, open]);

  const closeDetail = useCallback(() => {
    detailSeq.current += 1;
    setOpen(undefined);
  }, []);

  return { results, search, more, open, openDetail, reloadDetail, closeDetail };
}

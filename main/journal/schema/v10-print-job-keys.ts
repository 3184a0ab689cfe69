/**
 * Schema step (issue 16/17, slips): a print job may carry a key naming the one paper it stands
 * for — a refund's slip ("refund:<refund_key>"), a Z report's first print ("z:<environment>:<n>").
 * History: never edit; append a step instead. It depends only on print_jobs, so it may be merged
 * after any other branch's step.
 *
 * The unique index is the guarantee, not the code that checks first: a refund's slip is journaled
 * once, whatever restarts or a second process (the CLI beside the kiosk) try. Reprints carry no
 * key: they are copies, as many as the cashier asks for.
 */
export const PRINT_JOB_KEYS = `
ALTER TABLE print_jobs ADD COLUMN job_key TEXT CHECK (job_key IS NULL OR length(job_key) BETWEEN 1 AND 200);
CREATE UNIQUE INDEX print_jobs_key ON print_jobs (job_key) WHERE job_key IS NOT NULL;
`;

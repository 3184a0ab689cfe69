/**
 * Runs a refresh at most once at a time: requests that arrive while it runs are folded into one
 * more run afterwards, so a burst of order events costs two history reads, not twenty.
 */
export function coalesced(task: () => Promise<void>): () => void {
  let running = false;
  let again = false;
  const run = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    again = false;
    task()
      .catch((error: unknown) => console.error(error))
      .finally(() => {
        running = false;
        if (again) run();
      });
  };
  return run;
}

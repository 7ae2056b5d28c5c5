/**
 * How long a Submit refused as busy is told to wait, paced by demand.
 *
 * The work ahead alone (the queue's expected grading time shared by the workers) says when a place
 * frees, not how many students are waiting for it: with forty students refused and eight places,
 * each told "250 ms" comes back long before a place is free and is refused again, and every
 * refusal is a request the server's thread answers (~3 ms each here: refusals outnumbered
 * gradings 2-10 to 1 in the load run). So the retry time is stretched while refusals outnumber the
 * gradings that finish, and relaxed when they do not, aiming at about one refusal per grading
 * finished: enough students come back to take every place that frees, without a crowd behind
 * them. A feedback loop over one-second windows, like TCP's congestion window in spirit; the
 * stretch moves by at most 2x a window (the square root of the ratio) so it does not oscillate.
 */

/** The window over which refusals and finished gradings are compared (ms). */
export const PACING_WINDOW_MS = 1_000;
/** The stretch stays within these bounds. */
const MIN_STRETCH = 1;
const MAX_STRETCH = 16;

export class RetryPacer {
  /** The factor the work-ahead estimate is multiplied by (1: not stretched). */
  stretch = MIN_STRETCH;
  private refusedNow = 0;
  private finishedNow = 0;
  private windowStart: number;

  constructor(now: number) {
    this.windowStart = now;
  }

  /** A Submit was refused as busy at `now`. */
  refused(now: number): void {
    this.settle(now);
    this.refusedNow++;
  }

  /** A grading finished at `now`. */
  finished(now: number): void {
    this.settle(now);
    this.finishedNow++;
  }

  /** Closes the window when it is over: stretch by sqrt(refused / finished), within bounds. */
  private settle(now: number): void {
    const elapsed = now - this.windowStart;
    if (elapsed < PACING_WINDOW_MS) return;
    if (elapsed >= 2 * PACING_WINDOW_MS) {
      // Quiet for a while: what was counted says nothing about the demand now.
      this.stretch = MIN_STRETCH;
    } else {
      const ratio = this.refusedNow / Math.max(1, this.finishedNow);
      const factor = Math.sqrt(Math.min(4, Math.max(0.25, ratio)));
      this.stretch = Math.min(MAX_STRETCH, Math.max(MIN_STRETCH, this.stretch * factor));
    }
    this.refusedNow = 0;
    this.finishedNow = 0;
    this.windowStart = now;
  }
}

/** A line that a loader skipped because `skipInvalid` was set. */
export interface SkippedLine {
  /** 1-based line number in the file. */
  readonly line: number;
  /** What was wrong, worded like the error the line would otherwise have raised. */
  readonly reason: string;
}

/**
 * Options every file loader accepts.
 *
 * A loader resolves to an `Interactions` and nothing else; what it skipped is reported as it
 * happens through `onSkip`, so counting skipped lines is `onSkip: () => skipped++`.
 */
export interface LoadOptions {
  /**
   * Skip bad lines instead of failing on the first one (default false). Problems with the
   * whole file (unreadable, empty, a wrong or missing header where one is required, no valid
   * line at all) still throw.
   */
  readonly skipInvalid?: boolean | undefined;
  /** Called once per skipped line, in file order; only called when `skipInvalid` is true. */
  readonly onSkip?: ((skipped: SkippedLine) => void) | undefined;
  /**
   * Called with the number of lines read so far, every 65,536 lines and once at the end
   * (data sets without lines, such as HDF5 files, report the number of interactions).
   */
  readonly onProgress?: ((linesRead: number) => void) | undefined;
}

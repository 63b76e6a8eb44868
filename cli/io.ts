/** What a CLI command needs from the outside world; tests pass their own. */
export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stderr is an interactive terminal (progress lines may be redrawn). */
  stderrIsTty: boolean;
}

/** Exit codes shared by every command. */
export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

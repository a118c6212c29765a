// How a long run reports its progress; the CLI draws it as a bar (cli/progress-bar.ts).
export interface Progress {
  /** `done` of the total given when the progress was made (bytes read, or cases generated). */
  update(done: number, cases: number): void;
  end(): void;
}

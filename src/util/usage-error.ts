// A bad command-line argument: the CLI prints it with the command's usage and exits 2. Lives in
// util so option checks outside src/cli (e.g. serve's) can throw it without importing the CLI.
export class UsageError extends Error {}

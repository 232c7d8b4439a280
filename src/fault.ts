// A failure the user can act on — a port in use, a folder that is not there, an archive that is not
// newsbot's — as opposed to a bug. The command line prints its message alone, on one line, and exits 2;
// a bug gets its stack trace and exit 1.
export class Refusal extends Error {
  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, " "));
    this.name = "Refusal";
  }
}

// Exit statuses (docs/interface.md): 0 all fine; 1 valid input but a fiche is not compliant;
// 2 invalid input or usage. 3 is ti-aides' own fault (a bug to report), never a user's. 4: the
// result could not be written to standard output or error (a full disk, a failing device: ENOSPC,
// EIO), said apart so that a CI never reads it as 1; set by bin/ti-aides.js, which watches them.
export const CODE_OK = 0;
export const CODE_NON_CONFORME = 1;
export const CODE_SAISIE = 2;
export const CODE_INTERNE = 3;
export const CODE_ECRITURE = 4;

/** A usage mistake (wrong option value, missing argument): exit 2 with a French message. */
export class ErreurUsage extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ErreurUsage";
  }
}

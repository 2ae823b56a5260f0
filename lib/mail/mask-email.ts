// Shows an address without giving it away, for mails and pages whose reader may not be its owner
// (a notice to an old address, an undo link): the first character, then the domain.

/** "n•••@example.com" for "new.name@example.com". */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  // By code point, so a first character outside the BMP is not cut in half.
  const first = Array.from(at > 0 ? email.slice(0, at) : email)[0] ?? "";
  return at > 0 ? `${first}•••${email.slice(at)}` : `${first}•••`;
}

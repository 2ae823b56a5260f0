// Request bodies read with a cap enforced while they arrive: a client announcing or sending more than the route
// takes gets its 413 after `max` bytes, not after the server has buffered everything it chose to send.
import type { AppError } from "../errors";

/** At most `max` bytes of the body; more (announced in Content-Length or sent) throws `tooLarge(size)`. */
export async function readBodyCapped(
  request: Request,
  max: number,
  tooLarge: (size?: number) => AppError,
): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > max) throw tooLarge(declared);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

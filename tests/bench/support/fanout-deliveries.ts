// Who received what in the fan-out benchmark: each send by its key (a message's number, a reaction's
// (message, actor, on)), and per reader the keys it saw, so a delivery is timed once, a repeat counts as a duplicate
// and what never came counts as lost.
import type { Send } from "./fanout-report";

export class Deliveries<K> {
  readonly sends = new Map<K, Send>();
  /** Events of the room that match no send of ours. */
  strays = 0;
  private readonly seen: Array<Set<K>>;

  /** `skipsSender`: the app leaves the sender's own socket out (messages do, reactions do not). */
  constructor(
    private readonly readerCount: number,
    readonly skipsSender: boolean,
  ) {
    this.seen = Array.from({ length: readerCount }, () => new Set<K>());
  }

  /** One delivery of `key` to reader `index` at `at`, timed from the moment its send started. */
  record(key: K | undefined, index: number, at: number): void {
    const send = key === undefined ? undefined : this.sends.get(key);
    const seen = this.seen[index];
    if (!send || key === undefined || !seen) {
      this.strays++;
      return;
    }
    if (seen.has(key)) {
      send.phase.duplicates++;
      return;
    }
    seen.add(key);
    if (send.sender === index) send.phase.echoes++;
    send.phase.latencies.push(at - send.startedAt);
    if ((send.lastDeliveryAt ?? 0) < at) send.lastDeliveryAt = at;
  }

  /** How many readers each stored send should reach. */
  get perSend(): number {
    return this.skipsSender ? this.readerCount - 1 : this.readerCount;
  }

  /** Adds to each phase's `lost` the deliveries of its stored sends that never came. */
  countLost(): void {
    for (const [key, send] of this.sends) {
      if (!send.stored) continue;
      this.seen.forEach((seen, index) => {
        if (!(this.skipsSender && index === send.sender) && !seen.has(key)) send.phase.lost++;
      });
    }
  }
}

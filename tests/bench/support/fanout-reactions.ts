// The fan-out benchmark's reaction phase: which member reacts to which message with what, and how a reader tells one
// reaction:updated from another. Senders take turns in rounds: in one round each adds their emoji to the same recent
// message (its count climbs, as on a popular line), in the next each takes it back. So every (message, actor, on)
// happens once, and a reader can match an event to its send by those three, without a number in the payload.
import type { BenchMember } from "./fanout-clients";

// Mostly the quick set, a few from the catalogue: 10 kinds at most on a message, well within the limit of 20.
const EMOJI = ["👍️", "❤️", "😂", "👍️", "🎉", "😮", "🙏", "❤️", "🔥", "👀", "💯", "🤔"] as const;

export interface PlannedReaction {
  sender: number;
  messageId: number;
  emoji: string;
  on: boolean;
  /** What a reader's reactionKeyOf finds in the event. */
  key: string;
  /** The key of the reaction this one takes back (an "off" waits for its "on" to be stored). */
  takesBack?: string;
}

export const reactionKey = (messageId: number, actorId: string, on: boolean) => `${messageId}:${actorId}:${on ? 1 : 0}`;

// The payload is a JSON string inside the frame, so its quotes arrive escaped (\"messageId\":12). Found with indexOf
// rather than parsed or matched by a regular expression: each reader looks at every frame, and the bench's own CPU
// shares the machine. messageId comes first in the event, actorId and on last (after the reactors' names).
function valueAfter(frame: string, name: string, from: "start" | "end"): string | undefined {
  const at = from === "start" ? frame.indexOf(`${name}\\":`) : frame.lastIndexOf(`${name}\\":`);
  if (at < 0) return undefined;
  let start = at + name.length + 3;
  if (frame[start] === "\\") start += 2; // a string value: skip its escaped opening quote
  let end = start;
  while (end < frame.length && !",}\\".includes(frame[end] as string)) end++;
  return frame.slice(start, end);
}

/** The key of a raw reaction:updated frame, or undefined when it is not one of ours. */
export function reactionKeyOf(frame: string): string | undefined {
  const messageId = valueAfter(frame, "messageId", "start");
  const actorId = valueAfter(frame, "actorId", "end");
  const on = valueAfter(frame, '"on', "end");
  return messageId && actorId && on ? reactionKey(Number(messageId), actorId, on === "true") : undefined;
}

export class ReactionPlan {
  /** The message of each pair of rounds (on, then off). */
  private readonly targets: number[] = [];
  private readonly used = new Set<number>();
  private fresh: number[] = [];

  constructor(private readonly senders: BenchMember[]) {}

  /** The room's latest message ids, newest first: the next rounds react to those not reacted to yet. */
  offer(ids: number[]): void {
    this.fresh = ids.filter((id) => !this.used.has(id));
  }

  /** The n-th reaction of the run (0, 1, …): its sender, message, emoji and direction. */
  next(n: number): PlannedReaction {
    const sender = n % this.senders.length;
    const round = Math.floor(n / this.senders.length);
    const pair = Math.floor(round / 2);
    let messageId = this.targets[pair];
    if (messageId === undefined) {
      messageId = this.fresh.shift();
      // Not reached while messages are sent at the rate reactions are (one message per pair of rounds is needed).
      if (messageId === undefined) throw new Error("the reaction phase ran out of messages to react to");
      this.used.add(messageId);
      this.targets[pair] = messageId;
    }
    const on = round % 2 === 0;
    const actorId = this.senders[sender]?.id ?? "";
    return {
      sender,
      messageId,
      emoji: EMOJI[(sender + pair) % EMOJI.length] ?? "👍️",
      on,
      key: reactionKey(messageId, actorId, on),
      takesBack: on ? undefined : reactionKey(messageId, actorId, true),
    };
  }
}

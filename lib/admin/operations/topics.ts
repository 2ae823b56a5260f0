// Admin actions on topics: create, rename, delete (only when empty), merge into another.
import "server-only";
import { createTopic, deleteTopic, mergeTopics, renameTopic } from "../../db/topic-writes";
import { findTopicByRef } from "../../db/topics";
import { invalid } from "../../errors";
import { idSchema, topicCreateSchema, topicMergeSchema, topicRenameSchema } from "../../validation/admin";
import { defineOperation } from "../operation";

export const topicOperations = {
  "topic.create": defineOperation(topicCreateSchema, async ({ input, audit }) => {
    const topic = await createTopic({
      name: input.name,
      audit: audit({ type: "topic", id: null, label: input.name }),
    });
    return { message: `Topic “${topic.name}” created.` };
  }),

  "topic.rename": defineOperation(topicRenameSchema, async ({ input, audit }) => {
    const { before, after } = await renameTopic({
      id: input.id,
      name: input.name,
      audit: (b) => audit({ type: "topic", id: input.id, label: input.name }, `${b.name} → ${input.name}`),
    });
    return { message: before.name === after.name ? "Nothing changed." : `“${before.name}” is now “${after.name}”.` };
  }),

  "topic.delete": defineOperation(idSchema, async ({ input, audit }) => {
    const topic = await deleteTopic({
      id: input.id,
      audit: (t) => audit({ type: "topic", id: input.id, label: t.name }),
    });
    return { message: `Topic “${topic.name}” deleted.` };
  }),

  "topic.merge": defineOperation(topicMergeSchema, async ({ input, audit }) => {
    const target = await findTopicByRef({ ref: input.into });
    if (!target) throw invalid({ into: `There is no topic “${input.into}”. Type the name of an existing topic.` });
    const result = await mergeTopics({
      id: input.id,
      into: target.id,
      audit: ({ from, to, moved }) =>
        audit(
          { type: "topic", id: input.into, label: to },
          `${from} merged into ${to}; ${moved} room${moved === 1 ? "" : "s"} moved`,
        ),
    });
    return {
      message: `“${result.from}” merged into “${result.to.name}”: ${result.moved} room${result.moved === 1 ? "" : "s"} moved.`,
    };
  }),
};

// Questions' inputs and numbers, shared by the server and the browser: the accept body and how many questions the
// panel and the public page read. The send path's `question: true` is in ./messages.ts.
import { z } from "zod";
import { MAX_MESSAGE_ID } from "./messages";

/** Each tab of the Questions panel: the newest this many (older ones are found by search and their pages). */
export const QUESTIONS_PANEL_LIMIT = 50;
/** Answers on a question's public page, oldest first after the accepted one. */
export const QUESTION_PAGE_ANSWERS = 200;
/** A question in the panel: a line or two, the rest is in the room. */
export const QUESTION_EXCERPT_CHARS = 140;

const NOT_AN_ANSWER_ID = "answerId must be the id of a reply (a number).";

/** PUT …/messages/<id>/question/answer: which reply is accepted (a JSON number: no coercion of strings or arrays). */
export const acceptAnswerSchema = z.object({
  answerId: z
    .number({ message: NOT_AN_ANSWER_ID })
    .int(NOT_AN_ANSWER_ID)
    .positive(NOT_AN_ANSWER_ID)
    .max(MAX_MESSAGE_ID, NOT_AN_ANSWER_ID),
});
export type AcceptAnswerInput = z.infer<typeof acceptAnswerSchema>;

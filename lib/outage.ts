// The words of a database outage, shared by the server (lib/errors.ts: the 503's body) and the browser (the sign-in
// form, the error page), so every place that reports one says the same thing. Plain constants: fine in a client bundle.

/** The typed code of the 503 every route answers while the database is out of reach (also next-auth's `?error=`). */
export const DATABASE_UNAVAILABLE_CODE = "unavailable:database";

export const DATABASE_UNAVAILABLE_MESSAGE = "We can't reach our database. Try again in a minute.";

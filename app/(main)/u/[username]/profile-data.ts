// The profile of this request, fetched once and shared by the layout (existence check) and the
// page (rendering): React's cache dedupes the query within one request.
import "server-only";
import { cache } from "react";
import { findProfileByUsername } from "@/lib/db/profiles";

export const profileOf = cache((username: string) => findProfileByUsername({ username }));

"use client";

import { useEffect } from "react";
import { useToast } from "@/components/ui/toast";
import type { FormState } from "@/lib/form-state";

/** Shows a success toast for each successful submit (the state object is new every time). */
export function useSuccessToast(state: FormState, id: string): void {
  const { toast } = useToast();
  useEffect(() => {
    if (state.status === "success" && state.message) toast({ id, message: state.message, tone: "success" });
  }, [state, id, toast]);
}

// How study time reads on the profile and the board: whole minutes, rounded down ("3 h 20 min", "45 min", "0 min").
// Pure, so server pages and the board panel in the browser print it alike.

export function formatStudyTime(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

export function formatStreak(days: number): string {
  return days === 0 ? "No streak" : `${days}-day streak`;
}

export function formatGoalsMet(met: number, set: number): string {
  return set === 0 ? "No goals set this week" : `${met} of ${set} ${set === 1 ? "goal" : "goals"} met this week`;
}

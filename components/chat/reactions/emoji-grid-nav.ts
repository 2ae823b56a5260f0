// Arrow keys in the picker's grid, which is several grids (one per group, each ending in a part-filled row) read as
// one: down from a group's last row lands in the next group's first row at the same column, as the eye expects.

/** Where a key moves focus: an option's index across all sections, "search" (up from the first row), or null. */
export type GridMove = number | "search" | null;

/** `sizes`: each section's number of options, in order; `index`: the focused option across all of them. */
export function moveInGrid(sizes: readonly number[], index: number, key: string, columns: number): GridMove {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total === 0) return null;
  if (key === "ArrowLeft") return index > 0 ? index - 1 : null;
  if (key === "ArrowRight") return index < total - 1 ? index + 1 : null;
  if (key === "Home") return 0;
  if (key === "End") return total - 1;
  if (key !== "ArrowDown" && key !== "ArrowUp") return null;

  // The focused option's section, its offset, and its place in that section.
  let section = 0;
  let start = 0;
  while (section < sizes.length - 1 && index >= start + (sizes[section] ?? 0)) start += sizes[section++] ?? 0;
  const size = sizes[section] ?? 0;
  const local = index - start;
  const column = local % columns;

  if (key === "ArrowDown") {
    // Not on the last row yet: one row down, or to the end of a part-filled last row.
    if (Math.floor(local / columns) < Math.floor((size - 1) / columns))
      return start + Math.min(local + columns, size - 1);
    // Empty sections between hold no options, so the next one starts where this one ends.
    let next = section + 1;
    while (next < sizes.length && (sizes[next] ?? 0) === 0) next++;
    if (next >= sizes.length) return null;
    return start + size + Math.min(column, (sizes[next] ?? 1) - 1);
  }
  if (local >= columns) return index - columns;
  let previous = section - 1;
  while (previous >= 0 && (sizes[previous] ?? 0) === 0) previous--;
  if (previous < 0) return "search";
  const previousSize = sizes[previous] ?? 0;
  const previousStart = start - previousSize;
  const lastRow = Math.floor((previousSize - 1) / columns) * columns;
  return previousStart + Math.min(lastRow + column, previousSize - 1);
}

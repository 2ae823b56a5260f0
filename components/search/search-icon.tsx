// The magnifier of the search fields (header and topics page).
import { OutlineIcon } from "@/components/ui/icons";

export function SearchIcon({ className }: { className?: string }) {
  return (
    <OutlineIcon strokeWidth="1.75" roundJoins={false} className={className}>
      <circle cx="8.75" cy="8.75" r="5.5" />
      <path d="m13 13 4 4" />
    </OutlineIcon>
  );
}

// The app's line and solid icons, drawn once: decorative (aria-hidden), coloured by currentColor,
// sized by the caller's className. Buttons that hold one carry the accessible name themselves.
import type { ReactNode, SVGProps } from "react";

export interface IconProps {
  className?: string;
}

/**
 * One shape of a line drawing, as data: a string is a path's `d`; a circle or a rectangle carries
 * its attributes. Most icons are a few of these, so they are kept as lists rather than markup.
 */
export type Shape = string | { circle: SVGProps<SVGCircleElement> } | { rect: SVGProps<SVGRectElement> };

export interface OutlineIconProps extends IconProps {
  /** The drawing as data; `children` for anything else (e.g. a shape that comes and goes). */
  shapes?: readonly Shape[];
  children?: ReactNode;
  /** The drawing's grid: 20 for the interface's small icons, 24 for the larger illustrations. */
  grid?: 20 | 24;
  /** Defaults to 1.6 on the 20 grid and 1.75 on the 24 grid. */
  strokeWidth?: string;
  /** Round joins; the straight-line icons look the same without. */
  roundJoins?: boolean;
}

/** The frame every line icon shares, around its shapes (and children). */
export function OutlineIcon({
  grid = 20,
  strokeWidth,
  roundJoins = true,
  className,
  shapes = [],
  children,
}: OutlineIconProps) {
  return (
    <svg
      viewBox={`0 0 ${grid} ${grid}`}
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth ?? (grid === 20 ? "1.6" : "1.75")}
      strokeLinecap="round"
      strokeLinejoin={roundJoins ? "round" : undefined}
      aria-hidden="true"
      className={className}
    >
      {/* A fixed list, so each shape's place is its key. */}
      {shapes.map((shape, i) =>
        typeof shape === "string" ? (
          <path key={i} d={shape} />
        ) : "circle" in shape ? (
          <circle key={i} {...shape.circle} />
        ) : (
          <rect key={i} {...shape.rect} />
        ),
      )}
      {children}
    </svg>
  );
}

/** A line icon component: its default size, its shapes and, where they differ, its frame's settings. */
function lineIcon(
  defaultClassName: string,
  shapes: readonly Shape[],
  frame: Pick<OutlineIconProps, "grid" | "strokeWidth" | "roundJoins"> = {},
) {
  return function LineIcon({ className = defaultClassName }: IconProps) {
    return <OutlineIcon {...frame} className={className} shapes={shapes} />;
  };
}

function Solid({ className, children }: IconProps & { children: ReactNode }) {
  return (
    <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className={className}>
      {children}
    </svg>
  );
}

export const CloseIcon = lineIcon("size-4", ["m5 5 10 10M15 5 5 15"], { strokeWidth: "1.75", roundJoins: false });

export const SendIcon = ({ className = "size-4" }: IconProps) => (
  <Solid className={className}>
    <path d="M3.1 2.3a.75.75 0 0 0-1 .9l1.9 6.05h6.75a.75.75 0 0 1 0 1.5H4l-1.9 6.05a.75.75 0 0 0 1 .9l15-7.1a.75.75 0 0 0 0-1.36z" />
  </Solid>
);

/** An exclamation mark in a filled circle: a field's or a send's error. */
export const ErrorCircleIcon = ({ className = "size-4 shrink-0" }: IconProps) => (
  <Solid className={className}>
    <path
      fillRule="evenodd"
      d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16zM9.25 6a.75.75 0 0 1 1.5 0v4.5a.75.75 0 0 1-1.5 0V6zM10 14.75a1 1 0 1 0 0-2 1 1 0 0 0 0 2z"
      clipRule="evenodd"
    />
  </Solid>
);

export const LockIcon = lineIcon("size-5 shrink-0", [
  { rect: { x: "4", y: "8.5", width: "12", height: "8.5", rx: "2" } },
  "M6.75 8.5V6.25a3.25 3.25 0 0 1 6.5 0V8.5M10 12v1.75",
]);

export const MutedIcon = lineIcon("size-5 shrink-0", [
  "M4 6.5A2.5 2.5 0 0 1 6.5 4h7A2.5 2.5 0 0 1 16 6.5v5a2.5 2.5 0 0 1-2.5 2.5H10l-3.5 3v-3A2.5 2.5 0 0 1 4 11.5z",
  "m3 3 14 14",
]);

export const BannedIcon = lineIcon(
  "size-5 shrink-0",
  [{ circle: { cx: "10", cy: "10", r: "7" } }, "m5.05 5.05 9.9 9.9"],
  { roundJoins: false },
);

export const PencilIcon = lineIcon("size-4", ["m13.5 3.5 3 3L7 16l-3.75.75L4 13l9.5-9.5zM11.5 5.5l3 3"]);
/** A push pin (pins, their panel and marker). */
export const PinIcon = lineIcon("size-4", [
  "M12.5 2.5 17.5 7.5M13.75 3.75 10 7.5 6.25 8.75 11.25 13.75 12.5 10 16.25 6.25M8.75 11.25 3.5 16.5",
]);

/** A smiling face with a plus: add a reaction (a message's toolbar, the end of its reactions). */
export const AddReactionIcon = lineIcon("size-4", [
  { circle: { cx: "9", cy: "11", r: "6.25" } },
  "M6.9 9.4v.01M11.1 9.4v.01M6.6 12.6c.6 1 1.4 1.5 2.4 1.5s1.8-.5 2.4-1.5M16 2v4M14 4h4",
]);

export const TrashIcon = lineIcon("size-4", [
  "M3.5 5.5h13M8 5.5V4a1 1 0 0 1 1-1h2a1 1 0 0 1 1 1v1.5M5.5 5.5l.7 10.1A1.5 1.5 0 0 0 7.7 17h4.6a1.5 1.5 0 0 0 1.5-1.4l.7-10.1M8.5 9v4.5M11.5 9v4.5",
]);

export const ShieldIcon = lineIcon("size-4", [
  "M10 2.75 4 5v4.5c0 3.6 2.5 6.4 6 7.75 3.5-1.35 6-4.15 6-7.75V5z",
  "m7.5 10 1.75 1.75L12.75 8.5",
]);

export const PeopleIcon = lineIcon(
  "size-4",
  [
    { circle: { cx: "7.5", cy: "7", r: "2.75" } },
    "M2.5 16c.5-2.9 2.5-4.5 5-4.5s4.5 1.6 5 4.5M13 4.6a2.75 2.75 0 0 1 0 4.8M14.5 11.7c1.6.5 2.7 1.9 3 4.3",
  ],
  { roundJoins: false },
);

export const ArrowDownIcon = lineIcon("size-4", ["M10 4v12m0 0-5-5m5 5 5-5"], { strokeWidth: "2" });

export const ChatBubbleIcon = lineIcon(
  "size-6",
  ["M5 6.5A2.5 2.5 0 0 1 7.5 4h9A2.5 2.5 0 0 1 19 6.5v7a2.5 2.5 0 0 1-2.5 2.5H12l-4 3.5V16h-.5A2.5 2.5 0 0 1 5 13.5z"],
  { grid: 24, strokeWidth: "1.75", roundJoins: false },
);

export const WarningIcon = lineIcon(
  "size-5",
  ["M12 9v4M12 16.5v.01", "M10.3 3.9 2.6 17.5A2 2 0 0 0 4.3 20.5h15.4a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z"],
  { grid: 24, strokeWidth: "1.75" },
);

export const QuestionIcon = lineIcon(
  "size-5",
  [{ circle: { cx: "12", cy: "12", r: "9" } }, "M9.6 9.3a2.5 2.5 0 0 1 4.85.85c0 1.65-2.45 2.1-2.45 3.6M12 16.75v.01"],
  { grid: 24, strokeWidth: "1.75" },
);

const EYE: Shape[] = [
  "M1.75 10S4.75 4.25 10 4.25 18.25 10 18.25 10 15.25 15.75 10 15.75 1.75 10 1.75 10z",
  { circle: { cx: "10", cy: "10", r: "2.5" } },
];

/** An eye, struck through while `open` is false (a password field's show/hide). */
export const EyeIcon = ({ open, className = "size-5" }: IconProps & { open: boolean }) => (
  <OutlineIcon className={className} shapes={open ? EYE : [...EYE, "m3 3 14 14"]} />
);

export const DesktopIcon = lineIcon("size-5 shrink-0", [
  { rect: { x: "2.75", y: "3.5", width: "14.5", height: "10", rx: "1.5" } },
  "M7 16.75h6M10 13.5v3.25",
]);

export const PhoneIcon = lineIcon("size-5 shrink-0", [
  { rect: { x: "5.75", y: "2.5", width: "8.5", height: "15", rx: "1.75" } },
  "M9 14.75h2",
]);

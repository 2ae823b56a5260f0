import { Bone, Skeleton } from "@/components/skeleton";

// The two columns under the profile card: hosted rooms (two cards) and recent messages (one list).
const COLUMNS = [
  { span: "lg:col-span-2", heading: "w-28", boxes: ["h-24 rounded-xl", "h-24 rounded-xl"] },
  { span: "lg:col-span-3", heading: "w-32", boxes: ["h-64 rounded-2xl"] },
];

export default function ProfileLoading() {
  return (
    <Skeleton
      label="Loading profile"
      testId="profile-skeleton"
      className="mx-auto max-w-5xl px-4 pt-8 pb-16 sm:px-6 sm:pt-12"
    >
      <div aria-hidden="true" className="overflow-hidden rounded-2xl border border-line bg-surface shadow-sm">
        <div className="h-24 bg-line sm:h-28" />
        <div className="px-5 pb-6 sm:px-8">
          <div className="-mt-10 size-[4.5rem] rounded-full border-4 border-surface bg-line sm:-mt-12 sm:size-[5.5rem]" />
          <Bone className="mt-4 h-7 w-48" />
          <Bone className="mt-2 h-4 w-28" />
          <Bone className="mt-5 h-4 w-full max-w-xl" />
          <Bone className="mt-2 h-4 w-2/3 max-w-md" />
          <div className="mt-6 flex gap-8 border-t border-line pt-5">
            <Bone className="h-4 w-36" />
            <Bone className="h-4 w-24" />
          </div>
        </div>
      </div>
      <div aria-hidden="true" className="mt-8 grid gap-8 lg:grid-cols-5">
        {COLUMNS.map((column) => (
          <div key={column.span} className={`space-y-3 ${column.span}`}>
            <Bone className={`h-4 ${column.heading}`} />
            {column.boxes.map((box, i) => (
              <div key={i} className={`${box} border border-line bg-surface`} />
            ))}
          </div>
        ))}
      </div>
    </Skeleton>
  );
}

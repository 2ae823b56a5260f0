export default function ProfileLoading() {
  return (
    <div
      role="status"
      aria-busy="true"
      aria-label="Loading profile"
      data-testid="profile-skeleton"
      className="mx-auto max-w-5xl animate-pulse px-4 pt-8 pb-16 motion-reduce:animate-none sm:px-6 sm:pt-12"
    >
      <div aria-hidden="true" className="overflow-hidden rounded-2xl border border-line bg-surface shadow-sm">
        <div className="h-24 bg-line sm:h-28" />
        <div className="px-5 pb-6 sm:px-8">
          <div className="-mt-10 size-[4.5rem] rounded-full border-4 border-surface bg-line sm:-mt-12 sm:size-[5.5rem]" />
          <div className="mt-4 h-7 w-48 rounded bg-line" />
          <div className="mt-2 h-4 w-28 rounded bg-line" />
          <div className="mt-5 h-4 w-full max-w-xl rounded bg-line" />
          <div className="mt-2 h-4 w-2/3 max-w-md rounded bg-line" />
          <div className="mt-6 flex gap-8 border-t border-line pt-5">
            <div className="h-4 w-36 rounded bg-line" />
            <div className="h-4 w-24 rounded bg-line" />
          </div>
        </div>
      </div>
      <div aria-hidden="true" className="mt-8 grid gap-8 lg:grid-cols-5">
        <div className="space-y-3 lg:col-span-2">
          <div className="h-4 w-28 rounded bg-line" />
          {[0, 1].map((i) => (
            <div key={i} className="h-24 rounded-xl border border-line bg-surface" />
          ))}
        </div>
        <div className="space-y-3 lg:col-span-3">
          <div className="h-4 w-32 rounded bg-line" />
          <div className="h-64 rounded-2xl border border-line bg-surface" />
        </div>
      </div>
    </div>
  );
}

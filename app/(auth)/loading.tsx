/** While an auth page loads: the card's outline, so nothing jumps when it arrives. */
export default function AuthLoading() {
  return (
    <div role="status" aria-label="Loading" className="rounded-2xl border border-line bg-surface p-6 shadow-sm sm:p-8">
      <div className="mx-auto h-7 w-48 animate-pulse rounded-md bg-sunken motion-reduce:animate-none" />
      <div className="mx-auto mt-3 h-4 w-64 max-w-full animate-pulse rounded bg-sunken motion-reduce:animate-none" />
      <div className="mt-8 space-y-5">
        {[0, 1].map((i) => (
          <div key={i}>
            <div className="h-4 w-24 animate-pulse rounded bg-sunken motion-reduce:animate-none" />
            <div className="mt-2 h-10 animate-pulse rounded-lg bg-sunken motion-reduce:animate-none" />
          </div>
        ))}
        <div className="h-10 animate-pulse rounded-lg bg-sunken motion-reduce:animate-none" />
      </div>
    </div>
  );
}

/** Skeleton while a page's server work runs: the header bar and a few placeholder rows. */
export default function Loading() {
  return (
    <div aria-busy="true" className="animate-pulse">
      <div className="flex h-14 items-center border-b border-zinc-200 px-6">
        <div className="h-3.5 w-28 rounded bg-zinc-200" />
      </div>
      <div className="space-y-3 p-6">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-10 rounded-lg bg-zinc-100" />
        ))}
      </div>
    </div>
  );
}

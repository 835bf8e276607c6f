/** The Forecourt mark: a speech bubble on a forecourt canopy. */
export function Logo({ className = "size-7" }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true">
      <rect width="32" height="32" rx="8" className="fill-brand-600" />
      <path d="M8 11.5h16M10 11.5v9M22 11.5v9" stroke="white" strokeWidth="2.2" strokeLinecap="round" />
      <path
        d="M13 16.5h6a1.5 1.5 0 0 1 1.5 1.5v2.5a1.5 1.5 0 0 1-1.5 1.5h-3.2L13.5 24v-2h-.5A1.5 1.5 0 0 1 11.5 20.5V18a1.5 1.5 0 0 1 1.5-1.5Z"
        fill="white"
      />
    </svg>
  );
}

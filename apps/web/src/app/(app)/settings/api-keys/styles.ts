/** Link-as-button styles for the server-rendered parts (form-bits' buttonClass is a client module's export). */
export const linkButtonClass =
  "inline-flex items-center justify-center gap-1.5 rounded-lg border border-zinc-300 bg-white px-3 py-1.5 text-[13px] font-medium text-zinc-800 shadow-xs transition hover:bg-zinc-50";

/** Shared form styles (a plain module: server and client components can both import it). */
export const inputClass =
  "block w-full rounded-lg border border-zinc-300 bg-white px-3 py-1.5 text-[13px] shadow-xs outline-none transition focus:border-brand-500 focus:ring-3 focus:ring-brand-100";
export const labelClass = "block text-[13px] font-medium text-zinc-700";
/** The input style of a field the server refused. */
export const invalidInputClass = inputClass
  .replace("border-zinc-300", "border-red-400")
  .replace("focus:border-brand-500", "focus:border-red-500")
  .replace("focus:ring-brand-100", "focus:ring-red-100");

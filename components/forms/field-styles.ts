// Shared classes so every form control looks and behaves the same (focus ring, invalid state, dark mode).
export const controlClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand-600 disabled:opacity-60 aria-[invalid=true]:border-red-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:aria-[invalid=true]:border-red-400";
export const labelClass = "block text-sm font-medium text-slate-800 dark:text-slate-200";
export const hintClass = "mt-1 text-sm text-slate-600 dark:text-slate-400";
export const fieldErrorClass = "mt-1 text-sm font-medium text-red-700 dark:text-red-300";

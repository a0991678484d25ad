import type { ButtonHTMLAttributes } from "react";

// One look for every action. `buttonClass` also styles links that act as buttons (downloads,
// "Start the assessment"), so a link and a button side by side never differ by accident.

export type TButtonVariant = "primary" | "secondary" | "danger" | "ghost";
export type TButtonSize = "sm" | "md" | "lg";

const base =
  "inline-flex items-center justify-center gap-2 rounded-md font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";

const variants: Record<TButtonVariant, string> = {
  primary: "bg-brand-700 text-white hover:bg-brand-800 dark:bg-brand-600 dark:hover:bg-brand-700",
  secondary:
    "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 dark:border-slate-600 dark:bg-transparent dark:text-slate-100 dark:hover:bg-slate-800",
  danger: "bg-red-700 text-white hover:bg-red-800",
  ghost: "text-slate-800 hover:bg-slate-100 dark:text-slate-100 dark:hover:bg-slate-800",
};

const sizes: Record<TButtonSize, string> = {
  sm: "min-h-9 px-2.5 py-1 text-xs",
  md: "min-h-10 px-4 py-2 text-sm",
  lg: "min-h-11 px-5 py-3 text-base",
};

export function buttonClass({ variant = "primary", size = "md", className = "" }: { variant?: TButtonVariant; size?: TButtonSize; className?: string } = {}): string {
  return `${base} ${variants[variant]} ${sizes[size]} ${className}`.trim();
}

type TButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: TButtonVariant; size?: TButtonSize };

export function Button({ variant, size, className, type = "button", ...rest }: TButtonProps) {
  return <button type={type} className={buttonClass({ variant, size, className })} {...rest} />;
}

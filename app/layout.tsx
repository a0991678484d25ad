import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { THEME_SCRIPT } from "@/components/site/theme";
import { siteUrl } from "@/lib/config/site-url.server";
import "./globals.css";

// The brand typeface, self-hosted from the @fontsource-variable/figtree npm package (OFL): next/font
// copies the file into the build and preloads it, so no page ever asks another host for a font.
const brandFont = localFont({
  src: "../node_modules/@fontsource-variable/figtree/files/figtree-latin-wght-normal.woff2",
  weight: "300 900",
  style: "normal",
  display: "swap",
  variable: "--font-brand",
  fallback: ["ui-sans-serif", "system-ui", "sans-serif"],
});

export const metadata: Metadata = {
  title: { default: "Backbone CE", template: "%s · Backbone CE" },
  description: "Continuing education for certified personal trainers: read, pass the assessment, earn CEC credits.",
  applicationName: "Backbone CE",
  // Open Graph / Twitter images (course and verify pages, and the lessons under a course) need
  // absolute URLs: the site's public address (NEXTAUTH_URL).
  metadataBase: new URL(siteUrl()),
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#020617" },
  ],
};

// The layout reads no cookies or headers: pages stay static unless they opt in, and the
// signed-in parts of the header come from a small client island. The theme script runs before the
// body is painted, so a stored dark/light choice never flashes the other theme first.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className={brandFont.variable} suppressHydrationWarning>
      <head>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a fixed, same-origin script that must run before first paint */}
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900"
        >
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="min-w-0 flex-1">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}

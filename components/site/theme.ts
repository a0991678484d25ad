// Light or dark: the visitor's stored choice ("light" | "dark" in localStorage), else the system's.
// Kept in one place because the blocking script in app/layout.tsx and the toggle must agree.

export const THEME_STORAGE_KEY = "backbone-theme";

export const THEME_SCRIPT = `(function(){try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});var d=t==="dark"||(t!=="light"&&window.matchMedia("(prefers-color-scheme: dark)").matches);document.documentElement.classList.toggle("dark",d)}catch(e){}})();`;

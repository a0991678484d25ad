import type { MetadataRoute } from "next";

// Lets phones add the site to the home screen with its own name, colour and icon (app/icon.svg).
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Backbone CE",
    short_name: "Backbone CE",
    description: "Continuing education for certified personal trainers.",
    start_url: "/dashboard",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#0b5e58",
    icons: [{ src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" }],
  };
}

import type { MetadataRoute } from "next";

/** The installable app (PWA): opens on the inbox, standalone, in the brand colour. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Forecourt",
    short_name: "Forecourt",
    description: "Every customer conversation of your dealerships in one inbox.",
    start_url: "/inbox",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#4f46e5",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}

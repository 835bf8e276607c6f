import { widgetAsset } from "@/server/widget-assets";

/** The chat app that runs inside the widget iframe. */
export function GET() {
  return widgetAsset("app.js");
}

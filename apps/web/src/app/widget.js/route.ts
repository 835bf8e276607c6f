import { widgetAsset } from "@/server/widget-assets";

/** The widget loader a dealer embeds: `<script src="…/widget.js" data-key="…" async>`. */
export function GET() {
  return widgetAsset("widget.js");
}

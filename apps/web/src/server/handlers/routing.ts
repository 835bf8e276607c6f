import { ZBotRef, ZSaveBot, ZToggleBot } from "@forecourt/core/bots/bot-input";
import { deleteBot } from "@forecourt/core/bots/delete-bot";
import { saveBot } from "@forecourt/core/bots/save-bot";
import { toggleBot } from "@forecourt/core/bots/toggle-bot";
import { deleteRoutingRule } from "@forecourt/core/routing/delete-routing-rule";
import { listRoutingSettings } from "@forecourt/core/routing/list-routing-settings";
import { moveRoutingRule } from "@forecourt/core/routing/move-routing-rule";
import {
  ZMoveRoutingRule,
  ZRoutingRuleRef,
  ZSaveRoutingRule,
  ZToggleRoutingRule,
} from "@forecourt/core/routing/routing-rule-input";
import { saveBusinessHours, ZSaveBusinessHours } from "@forecourt/core/routing/save-business-hours";
import { saveRoutingRule } from "@forecourt/core/routing/save-routing-rule";
import { toggleRoutingRule } from "@forecourt/core/routing/toggle-routing-rule";
import { defineHandler } from "../define-handler";

/** Settings → Routing (settings.routing.manage); core keeps a dealer-scoped admin to their dealers. */
export const loadRoutingPage = defineHandler({ permission: "settings.routing.manage" }, ({ principal }) =>
  listRoutingSettings({ actor: principal }),
);

export const handleSaveRoutingRule = defineHandler(
  { permission: "settings.routing.manage", input: ZSaveRoutingRule },
  ({ principal, input }) => saveRoutingRule({ actor: principal, input }),
);

export const handleMoveRoutingRule = defineHandler(
  { permission: "settings.routing.manage", input: ZMoveRoutingRule },
  ({ principal, input }) => moveRoutingRule({ actor: principal, input }),
);

export const handleToggleRoutingRule = defineHandler(
  { permission: "settings.routing.manage", input: ZToggleRoutingRule },
  ({ principal, input }) => toggleRoutingRule({ actor: principal, input }),
);

export const handleDeleteRoutingRule = defineHandler(
  { permission: "settings.routing.manage", input: ZRoutingRuleRef },
  ({ principal, input }) => deleteRoutingRule({ actor: principal, input }),
);

export const handleSaveBusinessHours = defineHandler(
  { permission: "settings.routing.manage", input: ZSaveBusinessHours },
  ({ principal, input }) => saveBusinessHours({ actor: principal, input }),
);

export const handleSaveBot = defineHandler(
  { permission: "settings.routing.manage", input: ZSaveBot },
  ({ principal, input }) => saveBot({ actor: principal, input }),
);

export const handleToggleBot = defineHandler(
  { permission: "settings.routing.manage", input: ZToggleBot },
  ({ principal, input }) => toggleBot({ actor: principal, input }),
);

export const handleDeleteBot = defineHandler(
  { permission: "settings.routing.manage", input: ZBotRef },
  ({ principal, input }) => deleteBot({ actor: principal, input }),
);

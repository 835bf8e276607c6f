"use server";

import { runAction } from "@/server/action-helpers";
import {
  handleConnectApiChannel,
  handleRevealApiChannelSecret,
  handleRotateApiChannelSecret,
} from "@/server/handlers/api-channel";

// Settings → Channels → API / OEM app. Each handler asks the matrix (settings.channels.manage) before core.
const PATHS = ["/settings/channels"];

export async function connectApiChannelAction(input: unknown) {
  return runAction(handleConnectApiChannel, input, PATHS);
}
export async function revealApiChannelSecretAction(input: unknown) {
  return runAction(handleRevealApiChannelSecret, input, []);
}
export async function rotateApiChannelSecretAction(input: unknown) {
  return runAction(handleRotateApiChannelSecret, input, PATHS);
}

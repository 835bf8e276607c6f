"use client";

import type { TChannelType, TMessageEvent } from "@forecourt/protocol";
import { MessageBubble } from "@/app/(app)/inbox/message-bubble";

/** The conversation's messages as the inbox shows them (managed agents' replies marked as the provider's). */
export function ManagedThread({ messages, channelType }: { messages: TMessageEvent[]; channelType: TChannelType }) {
  return (
    <ol className="flex flex-col gap-2" data-testid="managed-thread" aria-live="polite">
      {messages.map((m) => (
        <MessageBubble
          key={m.id}
          m={m}
          seen={false}
          channelType={channelType}
          reactions={[]}
          retrying={false}
          onRetry={() => {}}
        />
      ))}
    </ol>
  );
}

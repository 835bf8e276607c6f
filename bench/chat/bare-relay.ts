/**
 * Ceiling 1: a bare Socket.io relay on the same machine. Same events and payloads as the
 * gateway, but no database, no Redis, no checks: ack at once and emit to the room.
 */
import { createServer } from "node:http";
import { Server } from "socket.io";

const port = Number(process.argv[2] ?? 0);
const http = createServer();
const io = new Server(http, { transports: ["websocket"], serveClient: false });
let seq = 0;
for (const ns of ["/agent", "/visitor"]) {
  io.of(ns).on("connection", (socket) => {
    socket.on("sync", (p: { conversations: { conversationId: string }[] }, ack: (r: unknown) => void) => {
      for (const c of p.conversations) void socket.join(`conv:${c.conversationId}`);
      ack({ ok: true, messages: [] });
    });
    socket.on(
      "message:send",
      (m: { conversationId: string; clientId: string; body: string }, ack: (r: unknown) => void) => {
        seq++;
        ack({ ok: true, id: m.clientId, seq });
        io.of("/agent")
          .to(`conv:${m.conversationId}`)
          .emit("message", { ...m, seq });
      },
    );
  });
}
http.listen(port, () => {
  const address = http.address();
  console.log(`ready ${typeof address === "object" && address ? address.port : port}`);
});

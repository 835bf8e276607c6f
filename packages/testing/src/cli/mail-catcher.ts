import { getConfig } from "@forecourt/config";
import { SmtpSink } from "../smtp-sink";

/**
 * The local mail catcher the start command runs: SMTP on SMTP_PORT, a page listing received
 * mail on MAIL_CATCHER_HTTP_PORT. Nothing is relayed anywhere.
 */
const config = getConfig();
const sink = new SmtpSink();
await sink.listen(config.SMTP_PORT);
await sink.listenHttp(config.MAIL_CATCHER_HTTP_PORT);
console.log(
  `mail catcher: SMTP on 127.0.0.1:${config.SMTP_PORT}; read mail at http://localhost:${config.MAIL_CATCHER_HTTP_PORT}/`,
);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void sink.close().then(() => process.exit(0)));
}

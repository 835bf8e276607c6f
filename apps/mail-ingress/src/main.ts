/**
 * The e-mail ingress process: an SMTP server on SMTP_INGRESS_HOST:SMTP_INGRESS_PORT that takes
 * mail for connected e-mail channels and hands it to core (ingress-server.ts says what it does
 * and does not do). In production the MX of EMAIL_INBOUND_DOMAIN points at it.
 */
import { loadConfigOrExit } from "@forecourt/config";
import { startMailIngress } from "./start";

const config = loadConfigOrExit();
const ingress = await startMailIngress({ port: config.SMTP_INGRESS_PORT, host: config.SMTP_INGRESS_HOST });
console.log(
  `[mail-ingress] SMTP on ${config.SMTP_INGRESS_HOST}:${ingress.port} for *@${config.EMAIL_INBOUND_DOMAIN} (at most ${config.EMAIL_MAX_BYTES} bytes)`,
);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void ingress.close().then(() => process.exit(0)));
}

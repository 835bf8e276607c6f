/** Checks that PostgreSQL and Redis answer; names the one that does not and how to start it. */
import net from "node:net";
import pg from "pg";
import { loadConfigOrExit } from "@forecourt/config";

const config = loadConfigOrExit();

async function checkPostgres(): Promise<string | null> {
  const url = new URL(config.DATABASE_URL);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return `PostgreSQL is not reachable at ${url.host} (${(error as Error).message}).
  Start it with:  docker compose up -d postgres
  or, on a Debian machine:  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start
  or point DATABASE_URL at a running PostgreSQL 15+.`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function checkRedis(): Promise<string | null> {
  const url = new URL(config.REDIS_URL);
  const host = url.hostname;
  const port = Number(url.port || 6379);
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 3000 });
    const fail = (why: string) => {
      socket.destroy();
      resolve(`Redis is not reachable at ${host}:${port} (${why}).
  Start it with:  docker compose up -d redis
  or:  redis-server --daemonize yes --bind 127.0.0.1 --port ${port}
  or point REDIS_URL at a running Redis 7+.`);
    };
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => {
      socket.destroy();
      const reply = data.toString();
      if (reply.startsWith("+PONG") || reply.startsWith("-NOAUTH")) resolve(null);
      else fail(`unexpected reply ${JSON.stringify(reply.trim())}`);
    });
    socket.once("timeout", () => fail("timed out"));
    socket.once("error", (error) => fail(error.message));
  });
}

const problems = (await Promise.all([checkPostgres(), checkRedis()])).filter((p): p is string => p !== null);
if (problems.length > 0) {
  for (const problem of problems) console.error(`forecourt: ${problem}`);
  process.exit(1);
}

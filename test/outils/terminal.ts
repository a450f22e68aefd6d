// Drives the real `ti-aides` command in a pseudo-terminal (tmux), as a person answers its questions:
// reads the screen, presses keys, types text. The tests that use it skip when tmux is absent.
import { execFileSync, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { BIN } from "./cli.js";

export const TMUX_PRESENT = spawnSync("tmux", ["-V"], { stdio: "ignore" }).status === 0;

let compteur = 0;

function attendreMs(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export class Terminal {
  /** A tmux server of our own (its own socket): the user's sessions are never touched. */
  private readonly socket = `ti-aides-tests-${process.pid}-${++compteur}`;
  private readonly session = "ti-aides";

  /** `colonnes`: the terminal's width (an 80-column terminal, as many have by default). */
  constructor(args: string[], cwd: string, env: Record<string, string> = {}, colonnes = 200) {
    const variables = Object.entries({ NO_COLOR: "1", ...env })
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join(" ");
    const commande = `${variables} ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} ${args.map((a) => JSON.stringify(a)).join(" ")}; echo "FIN CODE=$?"; sleep 120`;
    this.tmux(
      "new-session",
      "-d",
      "-s",
      this.session,
      "-x",
      String(colonnes),
      "-y",
      "60",
      "-c",
      cwd,
      commande,
    );
  }

  private tmux(...args: string[]): string {
    return execFileSync("tmux", ["-L", this.socket, ...args], { encoding: "utf8" });
  }

  /** The screen and its history, wrapped lines joined. */
  ecran(): string {
    return this.tmux("capture-pane", "-p", "-J", "-S", "-500", "-t", this.session);
  }

  /** Waits until the screen shows this text; fails with the screen when it does not come. */
  async attendre(attendu: string | RegExp, delaiMs = 20_000): Promise<string> {
    const fin = Date.now() + delaiMs;
    for (;;) {
      const e = this.ecran();
      if (typeof attendu === "string" ? e.includes(attendu) : attendu.test(e)) return e;
      if (Date.now() > fin) throw new Error(`l'écran n'affiche pas « ${String(attendu)} » :\n${e}`);
      await attendreMs(100);
    }
  }

  touches(...touches: string[]): void {
    this.tmux("send-keys", "-t", this.session, ...touches);
  }

  /** Types text literally, then Enter. */
  async taper(texte: string): Promise<void> {
    this.tmux("send-keys", "-t", this.session, "-l", "--", texte);
    await attendreMs(150);
    this.touches("Enter");
  }

  /** In a list, moves to the choice containing this text (down, then up from the end), then Enter. */
  async choisir(question: string, choix: string): Promise<void> {
    await this.attendre(question);
    let sens = "Down";
    let precedente = "";
    for (let i = 0; i < 80; i++) {
      const active =
        this.ecran()
          .split("\n")
          .filter((l) => l.startsWith("❯"))
          .at(-1) ?? "";
      if (active.includes(choix)) {
        this.touches("Enter");
        await this.attendre(new RegExp(`✔ .*${echapper(question)}.*${echapper(choix)}`));
        return;
      }
      if (active === precedente) sens = "Up";
      precedente = active;
      this.touches(sens);
      await attendreMs(100);
    }
    throw new Error(`choix « ${choix} » introuvable :\n${this.ecran()}`);
  }

  /** Answers a typed question (waits for it first). */
  async repondre(question: string, texte: string): Promise<void> {
    await this.attendre(question);
    await this.taper(texte);
  }

  /** The exit status of the command, once it has ended. */
  async code(): Promise<number> {
    const e = await this.attendre(/FIN CODE=\d+/);
    return Number(/FIN CODE=(\d+)/.exec(e)![1]);
  }

  fermer(): void {
    try {
      this.tmux("kill-server");
    } catch {
      // already gone
    }
    // tmux leaves its socket file behind: remove ours.
    rmSync(join(process.env.TMUX_TMPDIR ?? "/tmp", `tmux-${process.getuid?.() ?? 0}`, this.socket), {
      force: true,
    });
  }
}

function echapper(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

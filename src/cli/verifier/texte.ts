// The French report of `verifier` for a person: a line per fiche with its verdict, the contract's
// totals and controls, then what fails and what to check, each with its file, line and field.
import { dateFr } from "../../core/dates.js";
import { euros, pourcent } from "../../core/format.js";
import { c } from "../rendu/couleurs.js";
import { ajuster, largeurSortie } from "../rendu/largeur.js";
import {
  conformiteContrat,
  decompter,
  estSansPlan,
  type Constat,
  type Verification,
} from "./verification.js";

export function lieuTexte(k: Pick<Constat, "fichier" | "ligne" | "champ" | "colonne">): string {
  const ou = [k.fichier, k.ligne != null ? `ligne ${k.ligne}` : undefined].filter(Boolean).join(", ");
  return [ou, k.colonne ? `colonne « ${k.colonne} »` : k.champ ? `champ « ${k.champ} »` : undefined]
    .filter(Boolean)
    .join(", ");
}

/** "De minimis : …", unless the message already starts with its subject. */
export function avecSujet(k: Pick<Constat, "sujet" | "message">): string {
  return k.message.startsWith(k.sujet) ? k.message : `${k.sujet} : ${k.message}`;
}

function pluriel(n: number, mot: string, motPluriel = `${mot}s`): string {
  return `${n} ${n > 1 ? motPluriel : mot}`;
}

export function rendreVerificationTexte(v: Verification, strict: boolean, largeur = largeurSortie()): string {
  const lignes: string[] = [];
  const ct = v.contrat?.contrat;
  lignes.push(
    c().bold(
      ct
        ? `Contrat ${ct.id}${ct.titre ? ` — ${ct.titre}` : ""} (${ct.territoire}), du ${dateFr(ct.periode.debut)} au ${dateFr(ct.periode.fin)}`
        : "Vérification des fiches (sans fichier de contrat : pas de contrôle de période)",
    ),
  );
  lignes.push(
    `${pluriel(v.fichiers.length, "fichier lu", "fichiers lus")}, ${pluriel(v.fiches.length, "fiche")}.`,
    // The verdict first, for a person; said again last, where a CI log ends.
    verdictTexte(v, strict),
    "",
  );

  if (v.fiches.length) {
    const largeur = Math.min(
      40,
      v.fiches.reduce((m, f) => Math.max(m, f.evaluation.id.length), 0),
    );
    lignes.push(c().bold("Fiches"));
    const parFichier = new Map<string, number>();
    for (const f of v.fiches) parFichier.set(f.fichier, (parFichier.get(f.fichier) ?? 0) + 1);
    v.fiches.forEach((f, i) => {
      const verdict = v.verdicts[i];
      const marque =
        verdict === "conforme" && estSansPlan(v, i)
          ? c().yellow("– sans plan   ")
          : verdict === "conforme"
            ? c().green("✔ conforme    ")
            : verdict === "non_conforme"
              ? c().red("✖ non conforme")
              : c().red("✖ en erreur   ");
      lignes.push(
        `  ${marque}  ${f.evaluation.id.padEnd(largeur)}  ${c().dim(lieuTexte({ fichier: f.fichier, ligne: parFichier.get(f.fichier)! > 1 ? f.ligne : undefined }))}`,
      );
    });
    lignes.push("");
  }

  const t = v.bilan.totaux;
  if (t.fiches > 0) {
    const part = (x: typeof t.part_publique) =>
      x === null ? "" : ` (${pourcent(x.toDecimalPlaces(4))} du coût)`;
    lignes.push(
      c().bold(
        `Totaux ${ct ? "du contrat" : "des fiches"} (${pluriel(t.fiches, "fiche évaluée", "fiches évaluées")})`,
      ),
    );
    lignes.push(`  Coût total : ${euros(t.cout_total)}`);
    lignes.push(`  Financements publics : ${euros(t.financements_publics)}${part(t.part_publique)}`);
    for (const f of t.par_financeur) lignes.push(`    ${f.financeur} : ${euros(f.montant)}`);
    lignes.push(`  Autofinancement : ${euros(t.autofinancement)}${part(t.part_autofinancement)}`);
    if (!t.autres_prives.isZero()) lignes.push(`  Autres financements privés : ${euros(t.autres_prives)}`);
    if (t.fiches_sans_plan.length)
      lignes.push(`  Sans plan de financement : ${t.fiches_sans_plan.join(", ")}`);
    lignes.push("");
  }

  const controles = v.bilan.controles;
  if (controles.length) {
    lignes.push(c().bold("Contrôles du contrat"));
    const periodes = controles.filter((k) => k.controle === "periode");
    for (const k of controles.filter((x) => x.controle !== "periode")) {
      // A failure is told in full under « Ce qui ne va pas », with its place.
      lignes.push(
        `  ${marqueControle(k.conforme)} ${k.conforme === false ? `De minimis de l'entreprise unique « ${k.portee} » (fiches ${k.fiches.join(", ")}) : plafond dépassé, voir ci-dessous.` : k.message}`,
      );
    }
    if (periodes.length && periodes.every((k) => k.conforme === true)) {
      lignes.push(
        `  ${marqueControle(true)} Période du contrat : les dates des ${pluriel(periodes.length, "fiche")} sont dans la période.`,
      );
    } else if (periodes.length) {
      const hors = periodes.filter((k) => k.conforme === false).length;
      lignes.push(
        `  ${marqueControle(hors ? false : null)} Période du contrat : ${hors ? `${pluriel(hors, "date")} hors de la période, voir ci-dessous` : "des fiches sans date, voir ci-dessous"}.`,
      );
    }
    lignes.push("");
  }

  const section = (titre: string, gravites: Constat["gravite"][], marque: string) => {
    // Fiche by fiche, in the order of the report; the contract's own findings last.
    const rang = (k: Constat) => k.fiche ?? v.fiches.length;
    const ks = v.constats.filter((k) => gravites.includes(k.gravite)).sort((a, b) => rang(a) - rang(b));
    if (ks.length === 0) return;
    lignes.push(c().bold(`${titre} (${ks.length})`));
    for (const k of ks) {
      const fiche = k.fiche !== undefined && k.fiche >= 0 ? `fiche ${v.fiches[k.fiche].evaluation.id}, ` : "";
      const ou = lieuTexte(k);
      lignes.push(`  ${marque} ${ou ? `${ou} — ` : ""}${fiche}${avecSujet(k)}`);
    }
    lignes.push("");
  };
  section("Entrées illisibles ou invalides", ["erreur"], c().red("✖"));
  section("Ce qui ne va pas", ["echec"], c().red("✖"));
  section(
    strict ? "Avertissements (bloquants avec --strict)" : "À vérifier",
    ["avertissement"],
    c().yellow("⚠"),
  );

  lignes.push(verdictTexte(v, strict));
  return ajuster(lignes.join("\n"), largeur) + "\n";
}

function marqueControle(conforme: boolean | null): string {
  return conforme === true ? c().green("✔") : conforme === false ? c().red("✖") : c().yellow("?");
}

/** The last line: what the CI status means. */
export function verdictTexte(v: Verification, strict: boolean): string {
  const d = decompter(v);
  const conforme = conformiteContrat(v);
  const detail = [
    pluriel(d.conformes, "fiche conforme", "fiches conformes"),
    d.nonConformes ? pluriel(d.nonConformes, "non conforme", "non conformes") : undefined,
    d.sansPlan ? `${d.sansPlan} sans plan de financement` : undefined,
    d.enErreur ? pluriel(d.enErreur, "en erreur", "en erreur") : undefined,
    d.echecsContrat
      ? pluriel(d.echecsContrat, "contrôle du contrat en échec", "contrôles du contrat en échec")
      : undefined,
    d.avertissements ? pluriel(d.avertissements, "avertissement") : undefined,
  ]
    .filter(Boolean)
    .join(", ");
  if (conforme === null)
    return `Verdict : ${c().red("✖ vérification impossible")} — corrigez les entrées ci-dessus (${detail}).`;
  if (conforme === false) return `Verdict : ${c().red("✖ non conforme")} — ${detail}.`;
  if (strict && d.avertissements)
    return `Verdict : ${c().red("✖ avertissements bloquants (--strict)")} — ${detail}.`;
  return `Verdict : ${c().green("✔ conforme")} — ${detail}.`;
}

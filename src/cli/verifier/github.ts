// GitHub Actions workflow commands: `::error file=…,line=…,title=…::message` puts each failure on
// the line of the file in the pull request; warnings as `::warning`. Escaping as @actions/core does.
import { echapperControles } from "../../core/texte-affichable.js";
import { verdictTexte } from "./texte.js";
import type { Constat, Verification } from "./verification.js";

/**
 * A message: %, CR and LF are escaped (a newline would end the command), as GitHub specifies; the other
 * control characters are shown escaped, so that the log shows them instead of acting on its viewer.
 */
export function echapperDonnee(s: string): string {
  return echapperControles(s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A"));
}

/** A property value (file, title): also ":" and ",", which separate the properties. */
export function echapperPropriete(s: string): string {
  return echapperDonnee(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

function annotation(k: Constat, v: Verification, strict: boolean): string {
  const commande = k.gravite === "avertissement" && !strict ? "warning" : "error";
  const fiche = k.fiche !== undefined ? v.fiches[k.fiche].evaluation.id : undefined;
  const titre = fiche ? `${fiche} — ${k.sujet}` : k.sujet;
  const proprietes = [
    k.fichier ? `file=${echapperPropriete(k.fichier)}` : undefined,
    k.ligne != null ? `line=${k.ligne}` : undefined,
    `title=${echapperPropriete(titre)}`,
  ]
    .filter(Boolean)
    .join(",");
  return `::${commande} ${proprietes}::${echapperDonnee(k.colonne ? `${k.message} (colonne « ${k.colonne} »)` : k.champ ? `${k.message} (champ « ${k.champ} »)` : k.message)}`;
}

export function rendreVerificationGithub(v: Verification, strict: boolean): string {
  const ordre: Constat["gravite"][] = ["erreur", "echec", "avertissement"];
  const constats = [...v.constats].sort((a, b) => ordre.indexOf(a.gravite) - ordre.indexOf(b.gravite));
  return [
    ...constats.map((k) => annotation(k, v, strict)),
    `ti-aides verifier — ${verdictTexte(v, strict)}`,
    "",
  ].join("\n");
}

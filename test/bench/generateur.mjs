// Le contrat CSV du banc de `lot` (issue 4) : des lignes « à la française » générées à graine fixe,
// le même fichier à chaque exécution. Utilisé par test/bench/lot.mjs et test/bench/lignes.mjs.
import { createWriteStream } from "node:fs";
import { once } from "node:events";

export const GRAINE = 20191118;

/** Générateur pseudo-aléatoire à graine fixe (mulberry32) : le même fichier à chaque exécution. */
export function alea(graine) {
  let a = graine >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ENTETES = [
  "id",
  "Titre",
  "Territoire",
  "Date de demande",
  "Date de début",
  "Bénéficiaire",
  "SIREN",
  "Nature du bénéficiaire",
  "Effectif",
  "Chiffre d'affaires",
  "Total du bilan",
  "Secteur",
  "Zone",
  "AFR",
  "Dispositif",
  "Nature",
  "Catégorie",
  "Montant",
  "Coût de référence",
  "Prestataire externe",
  "Durée (mois)",
  "ADEME investissement",
  "ADEME études",
  "BdT ingénierie",
  "DIRECCTE conseil RH",
  "Région",
  "Régime Région",
  "EPCI",
  "Autofinancement",
  "Commentaire",
];
const TERRITOIRES = [
  "Ardèche Drôme",
  "Vallée de l'Arve",
  "Roanne - Tarare",
  "Loire Sud",
  "Haut-Jura",
  "Montluçon",
];
const ACTIONS = [
  {
    dispositif: "ademe-investissement",
    colonne: "ADEME investissement",
    nature: "investissement",
    categories: [
      "EnR",
      "Économies d'énergie",
      "Protection de l'environnement",
      "Réseaux de chaleur et de froid",
    ],
  },
  {
    dispositif: "ademe-etudes",
    colonne: "ADEME études",
    nature: "etude",
    categories: ["Diagnostic", "Accompagnement de projet"],
  },
  {
    dispositif: "bdt-ingenierie",
    colonne: "BdT ingénierie",
    nature: "etude",
    categories: ["Générale stratégique", "Pré-opérationnelle"],
  },
  {
    dispositif: "direccte-conseil-rh",
    colonne: "DIRECCTE conseil RH",
    nature: "conseil",
    categories: ["RH"],
  },
];
const SIRENS = ["123456782", "742100332", "389154204", "520367715", "411772098", "812309540"];

/** "1 234 500,00 €" comme l'écrit Excel en français : espaces fines insécables, virgule, €. */
function euros(centaines) {
  return `${String(centaines * 100).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f")},00\u00a0€`;
}
const date = (j, m) => `${String(j).padStart(2, "0")}/${String(m).padStart(2, "0")}/2019`;

function ligne(i, x) {
  const a = ACTIONS[Math.floor(x() * ACTIONS.length)];
  const effectif = 5 + Math.floor(x() * 900);
  const ca = Math.round(effectif * (80 + x() * 300)) * 1000;
  const montant = 100 + Math.floor(x() * 20_000); // centaines d'euros : 10 000 € à 2 M€
  const reference = a.nature === "investissement" ? Math.floor(montant * x() * 0.4) : 0;
  const demande = Math.floor(montant * (0.2 + x() * 0.4));
  const region = x() < 0.4 ? Math.floor(montant * x() * 0.2) : 0;
  const c = Object.fromEntries(ENTETES.map((h) => [h, ""]));
  Object.assign(c, {
    id: `TI-${String(i).padStart(7, "0")}`,
    Titre: `Action n°${i} — ${a.categories[0]}`,
    Territoire: TERRITOIRES[i % TERRITOIRES.length],
    "Date de demande": date(1 + Math.floor(x() * 28), 1 + Math.floor(x() * 6)),
    "Date de début": date(1 + Math.floor(x() * 28), 7 + Math.floor(x() * 6)),
    Bénéficiaire: `Entreprise ${i % 5000} SAS`,
    SIREN: SIRENS[i % SIRENS.length],
    "Nature du bénéficiaire": "entreprise",
    Effectif: String(effectif),
    "Chiffre d'affaires": euros(ca / 100),
    "Total du bilan": euros(Math.round(ca * 0.7) / 100),
    Secteur: "industrie",
    Zone: "Métropole",
    AFR: x() < 0.2 ? "oui" : "non",
    Dispositif: a.dispositif,
    Nature: a.nature,
    Catégorie: a.categories[Math.floor(x() * a.categories.length)],
    // Une ligne sur cent est fausse (une lettre dans le montant) : elle doit finir en erreur, sans arrêter le lot.
    Montant: i % 100 === 57 ? "12O 000,00 €" : euros(montant),
    "Coût de référence": reference ? euros(reference) : "",
    "Prestataire externe": a.nature === "etude" ? "oui" : "",
    "Durée (mois)": a.dispositif === "bdt-ingenierie" ? "18" : "",
    [a.colonne]: euros(demande),
    Région: region ? euros(region) : "",
    "Régime Région": region ? (x() < 0.5 ? "RGEC" : "De minimis") : "",
    Autofinancement: euros(montant - demande - region),
    Commentaire: i % 10 === 0 ? "+ emplois prévus" : "",
  });
  return (
    ENTETES.map((h) => (/[;"\r\n]/.test(c[h]) ? `"${c[h].replace(/"/g, '""')}"` : c[h])).join(";") + "\r\n"
  );
}

export async function generer(chemin, n) {
  const x = alea(GRAINE);
  const f = createWriteStream(chemin);
  f.write(`\ufeff${ENTETES.join(";")}\r\n`);
  let paquet = "";
  for (let i = 1; i <= n; i++) {
    paquet += ligne(i, x);
    if (i % 1000 === 0 || i === n) {
      if (!f.write(paquet)) await once(f, "drain");
      paquet = "";
    }
  }
  f.end();
  await once(f, "finish");
}

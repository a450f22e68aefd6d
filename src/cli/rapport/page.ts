// The whole report: one HTML file that needs nothing else — its style inside, no script, no font nor
// image to fetch (a Content-Security-Policy forbids any), printable on A4 with one fiche per page.
import { controlesContratDe, rendrePageContrat, sectionEchecs } from "./contrat.js";
import type { DocumentRapport } from "./donnees.js";
import { rendrePageFiche } from "./fiche.js";
import { Numeroteur } from "./graphiques.js";
import { balises, Html } from "./html.js";

// Dark text on white (contrast above 7:1); the states keep a symbol and a word, never colour alone.
const STYLE = `
:root { color: #111; background: #fff; font-family: system-ui, "DejaVu Sans", sans-serif; font-size: 15px; line-height: 1.45; }
body { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 1.6rem 0 .5rem; border-bottom: 2px solid #111; }
h3 { font-size: 1.1rem; margin: 1.2rem 0 .4rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
caption { text-align: left; font-weight: bold; padding: .25rem 0; }
th, td { border: 1px solid #777; padding: .25rem .4rem; vertical-align: top; text-align: left; }
thead th { background: #e8e8e8; }
tbody th { font-weight: 600; }
td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.source { color: #333; font-size: .85em; }
tr.echec { background: #fdecea; }
.ok { color: #1b5e20; font-weight: 600; }
.ko { color: #a00018; font-weight: 600; }
.nsp, .avert { color: #6b4400; font-weight: 600; }
.verdict { display: inline-block; border: 2px solid currentColor; border-radius: .3rem; padding: .1rem .5rem; font-weight: 700; }
.verdict-conforme { color: #1b5e20; }
.verdict-non_conforme, .verdict-erreur { color: #a00018; }
.verdict-sans_plan { color: #333; }
.tete-verdict { font-size: 1.1rem; }
.alerte { border-left: 4px solid #6b4400; padding: .2rem .6rem; background: #fff8e1; }
dl.identite { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: .2rem 1rem; margin: .5rem 0; }
dl.identite dt { font-weight: 600; display: inline; }
dl.identite dt::after { content: " : "; }
dl.identite dd { display: inline; margin: 0; }
.graphique { display: block; max-width: 100%; height: auto; margin: .5rem 0; }
ol.legende { margin: .25rem 0; }
.pastille { display: inline-block; width: .9em; height: .9em; border: 1px solid #000; margin-right: .4em; vertical-align: -.1em; }
ul.avertissements li { margin: .2rem 0; }
a { color: #0b4f8a; }
footer { margin-top: 2rem; font-size: .85rem; color: #333; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  :root { font-size: 10pt; }
  body { max-width: none; padding: 0; }
  section.fiche { break-before: page; }
  main > section.fiche:first-child { break-before: auto; }
  h2, h3 { break-after: avoid; }
  table, .graphique, li, dl { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  tr.echec { background: none; }
}
`;

export function rendreRapport(d: DocumentRapport): string {
  const n = new Numeroteur();
  const s = d.synthese;
  const contrat = d.contrat;
  const corps = balises`<header>
      <h1>${d.titre}</h1>
      <p>
        Rapport de ${d.commande} (ti-aides ${d.version}) — ${s.fiches} fiche(s) : ${s.conformes} conforme(s),
        ${s.non_conformes} non conforme(s), ${s.sans_plan_de_financement} sans plan de financement,
        ${s.en_erreur} en erreur.
      </p>
    </header>
    <main>
      ${contrat ? rendrePageContrat(n, d.fiches, contrat, d.nomFinanceur) : d.fiches.length > 1 ? sectionEchecs(d.fiches, undefined) : ""}
      ${d.fiches.map((f, i) => rendrePageFiche(n, f, i, controlesContratDe(contrat, f.json.id), d.nomFinanceur))}
    </main>
    <footer>
      Montants en euros ; taux en pourcentage. Chaque graphique est repris en texte (tableaux et listes). Les
      plafonds sont ceux des règles en vigueur à la date d'évaluation, avec leur source.
    </footer>`;
  return `${new Html(`<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
`)}${balises`<title>${d.titre}</title>`}
<style>${STYLE}</style>
</head>
<body>
${corps}
</body>
</html>
`;
}

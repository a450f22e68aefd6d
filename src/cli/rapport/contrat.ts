// The report's first page for a contract (`verifier`, `lot`): what fails first, linked to each fiche's
// page; totals per financer and per dispositif; the public-aid share per fiche; the de minimis
// position of each undertaking against its ceiling; the contract's own controls.
import { D, type Dec } from "../../core/argent.js";
import { euros, pourcent } from "../../core/format.js";
import type { ContratJson, ControleJson, FicheDuRapport, NommerFinanceur } from "./donnees.js";
import {
  aidesPubliques,
  ancreFiche,
  coutTotal,
  etiquetteControle,
  etiquetteVerdict,
  tableauControles,
  verdictFiche,
  type ControleContratJson,
} from "./fiche.js";
import { barres, jauges, type Numeroteur } from "./graphiques.js";
import { balises, type Html } from "./html.js";
import { margeDuControle } from "./marges.js";
import { dateFr, montant, taux } from "./nombres.js";

/** The contract's controls that name a fiche (its period, its undertaking's de minimis). */
export function controlesContratDe(contrat: ContratJson | undefined, id: string): ControleContratJson[] {
  return contrat?.controles.filter((c) => c.fiches.includes(id)) ?? [];
}

/** Per fiche, its first failure (an input error, else a failed control); then the contract's own. */
export function sectionEchecs(fiches: FicheDuRapport[], contrat: ContratJson | undefined): Html {
  const items = fiches.flatMap((fd, i) => {
    const f = fd.json;
    const contratFiche = controlesContratDe(contrat, f.id);
    const verdict = verdictFiche(f, contratFiche);
    if (verdict !== "erreur" && verdict !== "non_conforme") return [];
    const echecs = [...f.controles, ...contratFiche].filter((c) => c.conforme === false);
    const premier = f.erreurs[0] ?? echecs[0]?.message ?? "";
    const autres = (f.erreurs.length || echecs.length) - 1;
    return [
      balises`<li>
        <a href="#${ancreFiche(i)}">Fiche ${f.id}</a> ${etiquetteVerdict(verdict)} :
        ${premier}${autres > 0 ? balises` <em>(et ${autres} autre(s) sur sa page)</em>` : ""}
      </li>`,
    ];
  });
  return balises`<h2>Ce qui échoue d'abord</h2>
    ${
      items.length
        ? balises`<ol class="echecs">
            ${items}
          </ol>`
        : balises`<p>✔ Aucune fiche en échec.</p>`
    }`;
}

function sectionTotaux(n: Numeroteur, contrat: ContratJson, nommer: NommerFinanceur): Html {
  const t = contrat.totaux;
  const cout = new D(t.cout_total ?? 0);
  const lignes = [
    ...t.par_financeur.map((f) => ({ libelle: nommer(f.financeur), montant: f.montant, public: true })),
    { libelle: "Autofinancement", montant: t.autofinancement, public: false },
    { libelle: "Autres financements privés", montant: t.autres_prives, public: false },
  ];
  const partDe = (m: string | null) =>
    cout.isZero() || m === null ? "—" : pourcent(new D(m).dividedBy(cout).toDecimalPlaces(4));
  return balises`<h2>Totaux par financeur</h2>
    ${barres(n, {
      titre: "Montant de chaque financeur sur le contrat",
      description:
        lignes.map((l) => `${l.libelle} : ${montant(l.montant)} (${partDe(l.montant)} du coût)`).join(" ; ") +
        ".",
      lignes: lignes.map((l) => ({
        libelle: l.libelle,
        valeur: new D(l.montant ?? 0),
        texte: `${montant(l.montant)} (${partDe(l.montant)})`,
      })),
    })}
    <table>
      <thead>
        <tr>
          <th scope="col">Financeur</th>
          <th scope="col">Nature</th>
          <th scope="col">Montant</th>
          <th scope="col">Part du coût total</th>
        </tr>
      </thead>
      <tbody>
        ${lignes.map(
          (l) =>
            balises`<tr>
              <th scope="row">${l.libelle}</th>
              <td>${l.public ? "public" : "privé"}</td>
              <td class="n">${montant(l.montant)}</td>
              <td class="n">${partDe(l.montant)}</td>
            </tr>`,
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Financements publics</th>
          <td></td>
          <td class="n">${montant(t.financements_publics)}</td>
          <td class="n">${taux(t.part_publique)}</td>
        </tr>
        <tr>
          <th scope="row">Total des financements</th>
          <td></td>
          <td class="n">${montant(t.financements_total)}</td>
          <td class="n"></td>
        </tr>
        <tr>
          <th scope="row">Coût total des fiches</th>
          <td></td>
          <td class="n">${montant(t.cout_total)}</td>
          <td class="n"></td>
        </tr>
        <tr>
          <th scope="row">Part de l'autofinancement</th>
          <td></td>
          <td class="n"></td>
          <td class="n">${taux(t.part_autofinancement)}</td>
        </tr>
      </tfoot>
    </table>
    ${t.fiches_sans_plan.length ? balises`<p>Fiches sans plan de financement : ${t.fiches_sans_plan.join(", ")}.</p>` : ""}`;
}

/** What each dispositif was asked for across the fiches, against the sum of its ceilings. */
function sectionDispositifs(fiches: FicheDuRapport[]): Html {
  const parDispositif = new Map<string, { lignes: number; demande: Dec; plafond: Dec }>();
  for (const { json } of fiches)
    for (const r of json.resultats) {
      const s = parDispositif.get(r.dispositif) ?? { lignes: 0, demande: new D(0), plafond: new D(0) };
      s.lignes++;
      if (r.demande !== null) s.demande = s.demande.plus(r.demande);
      if (r.plafond !== null) s.plafond = s.plafond.plus(r.plafond);
      parDispositif.set(r.dispositif, s);
    }
  if (!parDispositif.size) return balises``;
  return balises`<h2>Totaux par dispositif</h2>
    <table>
      <thead>
        <tr>
          <th scope="col">Dispositif</th>
          <th scope="col">Lignes (dépenses)</th>
          <th scope="col">Demandé</th>
          <th scope="col">Somme des plafonds</th>
        </tr>
      </thead>
      <tbody>
        ${[...parDispositif].map(
          ([id, s]) =>
            balises`<tr>
              <th scope="row">${id}</th>
              <td class="n">${s.lignes}</td>
              <td class="n">${euros(s.demande)}</td>
              <td class="n">${euros(s.plafond)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

function sectionPartsPubliques(n: Numeroteur, fiches: FicheDuRapport[]): Html {
  const lignes = fiches.flatMap((fd, i) => {
    if (!fd.fiche || fd.json.erreurs.length) return [];
    const cout = coutTotal(fd.fiche);
    const publics = aidesPubliques(fd.fiche);
    const partPublique = cout.isZero() ? new D(0) : publics.dividedBy(cout).toDecimalPlaces(4);
    return [{ i, id: fd.json.id, cout, publics, part: partPublique }];
  });
  if (!lignes.length) return balises``;
  return balises`<h2>Part d'aide publique par fiche</h2>
    ${barres(n, {
      titre: "Part d'aide publique dans le coût de chaque fiche (barres de 0 à 100 % du coût)",
      description:
        lignes
          .map((l) => `${l.id} : ${pourcent(l.part)} (${euros(l.publics)} sur ${euros(l.cout)})`)
          .join(" ; ") + ".",
      lignes: lignes.map((l) => ({
        libelle: `Fiche ${l.id}`,
        valeur: l.part,
        texte: `${pourcent(l.part)} (${euros(l.publics)} sur ${euros(l.cout)})`,
      })),
      echelle: new D(1),
    })}
    <table>
      <thead>
        <tr>
          <th scope="col">Fiche</th>
          <th scope="col">Coût total</th>
          <th scope="col">Aides publiques</th>
          <th scope="col">Part publique</th>
        </tr>
      </thead>
      <tbody>
        ${lignes.map(
          (l) =>
            balises`<tr>
              <th scope="row"><a href="#${ancreFiche(l.i)}">${l.id}</a></th>
              <td class="n">${euros(l.cout)}</td>
              <td class="n">${euros(l.publics)}</td>
              <td class="n">${pourcent(l.part)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

/**
 * Each undertaking's de minimis aid against its ceiling: the contract's control when its aid is
 * spread over several fiches (it sums them), else the control of its fiche.
 */
function sectionDeMinimis(n: Numeroteur, fiches: FicheDuRapport[], contrat: ContratJson): Html {
  const parEntreprise = new Map<string, { c: ControleJson | ControleContratJson; fiches: string[] }>();
  for (const c of contrat.controles)
    if (c.controle === "de_minimis") parEntreprise.set(c.portee, { c, fiches: c.fiches });
  for (const { json } of fiches)
    for (const c of json.controles)
      if (c.controle === "de_minimis" && !parEntreprise.has(c.portee))
        parEntreprise.set(c.portee, { c, fiches: [json.id] });
  const positions = [...parEntreprise.values()].flatMap(({ c, fiches }) => {
    const m = margeDuControle(c);
    return m ? [{ c, fiches, m }] : [];
  });
  if (!positions.length)
    return balises`<h2>De minimis par entreprise</h2>
      <p>Aucune aide de minimis dans le contrat.</p>`;
  const texte = (p: (typeof positions)[number]) => {
    const reste = new D(p.m.marge);
    return `${montant(p.m.demande)} sur ${montant(p.m.maximum)} : ${reste.isNegative() ? `dépassé de ${euros(reste.negated())}` : `reste ${euros(reste)}`}`;
  };
  return balises`<h2>De minimis par entreprise</h2>
    ${jauges(n, {
      titre: "Aides de minimis de chaque entreprise face à son plafond",
      description: positions.map((p) => `Entreprise ${p.c.portee} : ${texte(p)}`).join(" ; ") + ".",
      lignes: positions.map((p) => ({
        libelle: `Entreprise ${p.c.portee}`,
        valeur: new D(p.m.demande),
        limite: new D(p.m.maximum),
        texte: texte(p),
      })),
    })}
    <table>
      <thead>
        <tr>
          <th scope="col">Entreprise unique</th>
          <th scope="col">Fiches</th>
          <th scope="col">Aides comptées</th>
          <th scope="col">Plafond</th>
          <th scope="col">Reste</th>
          <th scope="col">Résultat</th>
        </tr>
      </thead>
      <tbody>
        ${positions.map(
          (p) =>
            balises`<tr>
              <th scope="row">${p.c.portee}</th>
              <td>${p.fiches.join(", ")}</td>
              <td class="n">${montant(p.m.demande)}</td>
              <td class="n">${montant(p.m.maximum)}</td>
              <td class="n">
                ${
                  new D(p.m.marge).isNegative()
                    ? balises`<span class="ko">✖ −${euros(new D(p.m.marge).negated())}</span>`
                    : montant(p.m.marge)
                }
              </td>
              <td>${etiquetteControle(p.c.conforme)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

export function rendrePageContrat(
  n: Numeroteur,
  fiches: FicheDuRapport[],
  contrat: ContratJson,
  nommer: NommerFinanceur,
): Html {
  // Without a contract file (`lot`, fiches given one by one): the fiches taken together.
  const nom =
    contrat.id || contrat.titre
      ? `Contrat ${[contrat.id, contrat.titre].filter(Boolean).join(" — ")}`
      : "Ensemble des fiches";
  const verdict =
    contrat.conforme === null
      ? balises`<span class="verdict verdict-erreur">✖ Verdict incomplet : des entrées ne se lisent pas</span>`
      : etiquetteVerdict(contrat.conforme ? "conforme" : "non_conforme");
  return balises`<section class="contrat" aria-labelledby="contrat-titre">
    <h2 id="contrat-titre">${nom}</h2>
    <p class="tete-verdict">${verdict}</p>
    <dl class="identite">
      ${[
        contrat.territoire
          ? balises`<div>
              <dt>Territoire</dt>
              <dd>${contrat.territoire}</dd>
            </div>`
          : "",
        contrat.periode
          ? balises`<div>
              <dt>Période</dt>
              <dd>du ${dateFr(contrat.periode.debut)} au ${dateFr(contrat.periode.fin)}</dd>
            </div>`
          : "",
        balises`<div>
          <dt>Fiches comptées dans les totaux</dt>
          <dd>
            ${contrat.totaux.fiches}${
              fiches.length > contrat.totaux.fiches
                ? ` sur ${fiches.length} (les fiches en erreur ou en double n'y sont pas)`
                : ""
            }
          </dd>
        </div>`,
      ]}
    </dl>
    ${
      contrat.erreurs.length
        ? balises`<h2>Erreurs de saisie</h2>
            <ul>
              ${contrat.erreurs.map((e) => balises`<li class="ko">✖ ${e}</li>`)}
            </ul>`
        : ""
    }
    ${sectionEchecs(fiches, contrat)} ${sectionTotaux(n, contrat, nommer)} ${sectionDispositifs(fiches)}
    ${sectionPartsPubliques(n, fiches)} ${sectionDeMinimis(n, fiches, contrat)}
    ${
      contrat.controles.length
        ? balises`<h2>Contrôles du contrat</h2>
            ${tableauControles(contrat.controles, "Contrôles à l'échelle du contrat")}`
        : ""
    }
    ${
      contrat.motifs.length
        ? balises`<h2>Avertissements du contrat</h2>
            <ul class="avertissements">
              ${contrat.motifs.map(
                (m) =>
                  balises`<li>
                    <span class="avert">⚠ <strong>Avertissement</strong></span> :
                    ${m.message}${m.source ? balises` <span class="source">[${m.source}]</span>` : ""}
                  </li>`,
              )}
            </ul>`
        : ""
    }
  </section>`;
}

// One fiche's page of the report: the verdict first, the financing plan as a stacked bar with its
// ceiling lines, the room left under each ceiling, the dispositifs, the controls, the warnings.
import { D, type Dec } from "../../core/argent.js";
import { NOMS_CONTROLES } from "../../core/controles/index.js";
import { FINANCEURS_PRIVES } from "../../core/schemas/communs.js";
import type { Fiche } from "../../core/schemas/fiche.js";
import type { ContratJson, ControleJson, FicheDuRapport, FicheJson, NommerFinanceur } from "./donnees.js";
import { apparence, barreEmpilee, jauges, type Numeroteur, type Repere, type Segment } from "./graphiques.js";
import { balises, type Html } from "./html.js";
import { margesDe, type MargeJson } from "./marges.js";
import { dateFr, montant, part, taux } from "./nombres.js";
import { euros, pourcent } from "../../core/format.js";
import { NOM_PERIODE } from "../verifier/verification.js";

export type ControleContratJson = ContratJson["controles"][number];

/** The anchor of a fiche's page, from its place (an id from the input is no safe anchor). */
export const ancreFiche = (index: number) => `fiche-${index + 1}`;

export type Verdict = "conforme" | "non_conforme" | "sans_plan" | "erreur";

/** Its own controls, and the contract's controls that name it (period, de minimis of its undertaking). */
export function verdictFiche(f: FicheJson, contrat: ControleContratJson[]): Verdict {
  if (f.erreurs.length) return "erreur";
  if (f.conforme === false || contrat.some((c) => c.conforme === false)) return "non_conforme";
  return f.controles.length === 0 ? "sans_plan" : "conforme";
}

const VERDICTS: Record<Verdict, { symbole: string; texte: string }> = {
  conforme: { symbole: "✔", texte: "Conforme" },
  non_conforme: { symbole: "✖", texte: "Non conforme" },
  sans_plan: { symbole: "–", texte: "Sans plan de financement : rien à contrôler" },
  erreur: { symbole: "✖", texte: "Non évaluable : erreur de saisie" },
};

export function etiquetteVerdict(v: Verdict): Html {
  return balises`<span class="verdict verdict-${v}">${VERDICTS[v].symbole} ${VERDICTS[v].texte}</span>`;
}

export function etiquetteControle(conforme: boolean | null): Html {
  return conforme === true
    ? balises`<span class="ok">✔ conforme</span>`
    : conforme === false
      ? balises`<span class="ko">✖ non conforme</span>`
      : balises`<span class="nsp">? non évaluable</span>`;
}

type Financement = NonNullable<Fiche["financements"]>[number];

const estPrive = (l: Financement) => (FINANCEURS_PRIVES as readonly string[]).includes(l.financeur);
const libelleLigne = (l: Financement, nommer: NommerFinanceur) =>
  nommer(l.financeur, l.dispositif && l.dispositif !== l.financeur ? l.dispositif : null);
/** A line pays under this dispositif (or is this generic financer). */
const finance = (l: Financement, financeur: string) =>
  l.financeur === financeur || l.dispositif === financeur;

export function coutTotal(fiche: Fiche): Dec {
  return fiche.depenses.reduce((s, d) => s.plus(d.montant), new D(0));
}

/** The public lines of the plan, summed: what the public-aid share counts. */
export function aidesPubliques(fiche: Fiche): Dec {
  return (fiche.financements ?? []).filter((l) => !estPrive(l)).reduce((s, l) => s.plus(l.montant), new D(0));
}

/** `nomDepense`: a CSV row's one expense, named by its column (FicheDuRapport), not by its id. */
export function libelleMarge(m: MargeJson, nomDepense?: string): string {
  const nom = NOMS_CONTROLES[m.limite_par.controle as keyof typeof NOMS_CONTROLES] ?? m.limite_par.controle;
  const depense = nomDepense ?? `« ${m.depense} »`;
  if (m.limite_par.controle === "cumul") return `${nom} sur ${depense} (toutes aides publiques)`;
  if (m.limite_par.controle === "de_minimis") return `${nom} de l'entreprise ${m.limite_par.portee}`;
  return `${nom} ${m.financeur ?? ""}${m.depense ? ` sur ${depense}` : ""}`;
}

export function texteMarge(m: MargeJson): string {
  const reste = new D(m.marge);
  return `${montant(m.demande)} sur ${montant(m.maximum)} : ${
    reste.isNegative() ? `dépassé de ${euros(reste.negated())}` : `marge ${euros(reste)}`
  }`;
}

/**
 * The plan as drawn: public lines first (in the fiche's order), then the private ones, then what no
 * line pays for. A ceiling line is drawn on the bar where its place there is exact: a dispositif's
 * ceiling from the start of its own lines, a cumul ceiling from 0 when the public lines are all on
 * that expense; the others are in the gauges below.
 */
function plan(fiche: Fiche, marges: MargeJson[], nommer: NommerFinanceur) {
  const lignes = fiche.financements ?? [];
  const ordonnees = [...lignes.filter((l) => !estPrive(l)), ...lignes.filter(estPrive)];
  const segments: Segment[] = ordonnees.map((l) => ({
    libelle: libelleLigne(l, nommer),
    montant: l.montant,
    prive: estPrive(l),
  }));
  const total = coutTotal(fiche);
  const finance_ = ordonnees.reduce((s, l) => s.plus(l.montant), new D(0));
  if (finance_.lessThan(total))
    segments.push({ libelle: "Non financé (manque au plan)", montant: total.minus(finance_), prive: true });
  const publics = aidesPubliques(fiche);
  const reperes: (Repere & { marge: MargeJson })[] = [];
  for (const m of marges) {
    let debut: Dec | null = null;
    if (m.limite_par.controle === "cumul" && new D(m.demande).equals(publics)) debut = new D(0);
    else if (m.financeur) {
      // Its lines side by side, and their sum the amount the ceiling was checked against.
      // A line on other expenses too is not this ceiling's alone: its place on the bar is not exact.
      const pourElle = (l: Financement) =>
        finance(l, m.financeur!) &&
        (m.depense === null || !l.depenses || (l.depenses.length === 1 && l.depenses[0] === m.depense));
      const siens = ordonnees.flatMap((l, i) => (pourElle(l) ? [i] : []));
      const somme = siens.reduce((s, i) => s.plus(ordonnees[i].montant), new D(0));
      const contigus = siens.length > 0 && siens[siens.length - 1] - siens[0] === siens.length - 1;
      if (contigus && somme.equals(m.demande))
        debut = ordonnees.slice(0, siens[0]).reduce((s, l) => s.plus(l.montant), new D(0));
    }
    if (debut !== null)
      reperes.push({
        lettre: String.fromCharCode(65 + reperes.length),
        position: debut.plus(m.maximum),
        marge: m,
      });
  }
  return { segments, reperes, total, finance: finance_, publics };
}

function sectionPlan(
  n: Numeroteur,
  fiche: Fiche,
  marges: MargeJson[],
  nommer: NommerFinanceur,
  nomDepense: string | undefined,
): Html {
  if (!fiche.financements?.length) return balises`<p>Aucun plan de financement dans la fiche.</p>`;
  const p = plan(fiche, marges, nommer);
  let publics = 0;
  const description =
    `Coût total ${euros(p.total)}. ` +
    p.segments.map((s, k) => `${k + 1}. ${s.libelle} : ${euros(s.montant)}`).join(" ; ") +
    (p.reperes.length
      ? `. Lignes de plafond : ${p.reperes.map((r) => `${r.lettre}. ${libelleMarge(r.marge, nomDepense)} à ${euros(r.position)} depuis le début du plan`).join(" ; ")}.`
      : ".");
  return balises`${barreEmpilee(n, {
    titre: `Plan de financement de ${euros(p.total)}`,
    description,
    total: p.total,
    segments: p.segments,
    reperes: p.reperes,
  })}
    <ol class="legende">
      ${p.segments.map((s) => {
        const a = apparence(s.prive ? 0 : publics++, s.prive);
        return balises`<li>
          <span class="pastille" style="background:${a.couleur}" aria-hidden="true"></span>${s.libelle} :
          <strong>${euros(s.montant)}</strong> (${pourcent(part(s.montant, p.total) ?? new D(0))} du
          coût)${s.prive ? " — privé" : " — public"}
        </li>`;
      })}
    </ol>
    <p>
      Aides publiques : <strong>${euros(p.publics)}</strong>${
        p.total.isZero()
          ? ""
          : balises`, soit ${pourcent(p.publics.dividedBy(p.total).toDecimalPlaces(4))} du coût total`
      }.
    </p>
    ${
      p.reperes.length
        ? balises`<ul class="reperes">
            ${p.reperes.map(
              (r) =>
                balises`<li>
                  <strong>${r.lettre}</strong> — ${libelleMarge(r.marge, nomDepense)} : maximum
                  ${montant(r.marge.maximum)}, ${texteMarge(r.marge)}.
                </li>`,
            )}
          </ul>`
        : ""
    }`;
}

function sectionMarges(n: Numeroteur, marges: MargeJson[], nomDepense: string | undefined): Html {
  if (!marges.length) return balises``;
  return balises`<h3>Marge sous chaque plafond</h3>
    ${jauges(n, {
      titre: "Demandé face à chaque plafond",
      description: marges.map((m) => `${libelleMarge(m, nomDepense)} : ${texteMarge(m)}`).join(" ; ") + ".",
      lignes: marges.map((m) => ({
        libelle: libelleMarge(m, nomDepense),
        valeur: new D(m.demande),
        limite: new D(m.maximum),
        texte: texteMarge(m),
      })),
    })}
    <table>
      <thead>
        <tr>
          <th scope="col">Plafond</th>
          <th scope="col">Demandé</th>
          <th scope="col">Maximum</th>
          <th scope="col">Marge</th>
          <th scope="col">Source</th>
        </tr>
      </thead>
      <tbody>
        ${marges.map((m) => {
          const reste = new D(m.marge);
          return balises`<tr>
            <th scope="row">${libelleMarge(m, nomDepense)}</th>
            <td class="n">${montant(m.demande)}</td>
            <td class="n">${montant(m.maximum)}</td>
            <td class="n">
              ${
                reste.isNegative()
                  ? balises`<span class="ko">✖ dépassé de ${euros(reste.negated())}</span>`
                  : euros(reste)
              }
            </td>
            <td class="source">${m.limite_par.source ?? "—"}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
}

function sectionDispositifs(f: FicheJson, nomDepense: string | undefined): Html {
  if (!f.resultats.length)
    return balises`<h3>Dispositifs</h3>
      <p>Aucun dispositif évalué.</p>`;
  return balises`<h3>Dispositifs</h3>
    <table>
      <thead>
        <tr>
          <th scope="col">Dispositif</th>
          <th scope="col">Dépense</th>
          <th scope="col">Éligible</th>
          <th scope="col">Assiette</th>
          <th scope="col">Taux</th>
          <th scope="col">Plafond (aide maximale)</th>
          <th scope="col">Demandé</th>
          <th scope="col">Dépassement</th>
          <th scope="col">Détails</th>
        </tr>
      </thead>
      <tbody>
        ${f.resultats.map((r) => {
          const aVerifier = r.motifs.some((m) => m.code === "a_verifier")
            ? balises` <span class="avert">⚠ à vérifier</span>`
            : "";
          const details = Object.entries(r.details).filter(([, v]) => v !== null);
          return balises`<tr>
            <th scope="row">${r.dispositif}</th>
            <td>${nomDepense ?? r.depense}</td>
            <td>${r.eligible ? "✔ oui" : balises`<span class="ko">✖ non</span>`}</td>
            <td class="n">${montant(r.assiette)}</td>
            <td class="n">${taux(r.taux)}${aVerifier}</td>
            <td class="n">${montant(r.plafond)}${aVerifier}</td>
            <td class="n">${montant(r.demande)}</td>
            <td class="n">
              ${
                r.depassement !== null && !new D(r.depassement).isZero()
                  ? balises`<span class="ko">✖ ${montant(r.depassement)}</span>`
                  : montant(r.depassement)
              }
            </td>
            <td>${details.map(([k, v]) => balises`${k} : ${String(v)}<br />`)}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
}

/** A control's French name, the contract's period check included. */
function nomControle(id: string): string {
  return id === "periode" ? NOM_PERIODE : (NOMS_CONTROLES[id as keyof typeof NOMS_CONTROLES] ?? id);
}

/** A control's scope as read: a CSV row's expense by its column (FicheDuRapport.nomDepense), not its id. */
function porteeLisible(fd: FicheDuRapport): (portee: string) => string {
  const id = fd.fiche?.depenses[0]?.id;
  const nom = fd.nomDepense;
  if (!nom || !id) return (p) => p;
  return (p) =>
    p
      .split(" / ")
      .map((x) => (x === id ? nom : x))
      .join(" / ");
}

export function tableauControles(
  controles: (ControleJson | ControleContratJson)[],
  titre: string,
  portee: (p: string) => string = (p) => p,
): Html {
  if (!controles.length) return balises``;
  return balises`<table>
    <caption>
      ${titre}
    </caption>
    <thead>
      <tr>
        <th scope="col">Contrôle</th>
        <th scope="col">Portée</th>
        <th scope="col">Résultat</th>
        <th scope="col">Valeur</th>
        <th scope="col">Limite</th>
        <th scope="col">Message</th>
        <th scope="col">Source</th>
      </tr>
    </thead>
    <tbody>
      ${controles.map(
        (c) =>
          balises`<tr class="${c.conforme === false ? "echec" : ""}">
            <th scope="row">${nomControle(c.controle)}</th>
            <td>${portee(c.portee)}</td>
            <td>${etiquetteControle(c.conforme)}</td>
            <td class="n">${montant(c.valeur)}</td>
            <td class="n">
              ${montant(c.limite)}${
                "disponible" in c && c.disponible !== undefined
                  ? balises`<br />disponible : ${montant(c.disponible)}`
                  : ""
              }
            </td>
            <td>${c.message}</td>
            <td class="source">${c.source ?? "—"}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** Every warning of the fiche, in sight: errors, warnings (figures to check first), information. */
function sectionAvertissements(f: FicheJson, nomDepense: string | undefined): Html {
  const dits = new Set<string>();
  const items: Html[] = [];
  for (const e of f.erreurs) items.push(balises`<li class="ko">✖ <strong>Erreur</strong> : ${e}</li>`);
  const motifs = [
    ...f.motifs.map((m) => ({ m, ou: "" })),
    ...f.resultats.flatMap((r) =>
      r.motifs.map((m) => ({
        m,
        ou: m.code === "a_verifier" ? r.dispositif : `${r.dispositif} / ${nomDepense ?? r.depense}`,
      })),
    ),
  ];
  const rang = (niveau: string, code: string) =>
    code === "a_verifier" ? 0 : niveau === "erreur" ? 0 : niveau === "avertissement" ? 1 : 2;
  motifs.sort((a, b) => rang(a.m.niveau, a.m.code) - rang(b.m.niveau, b.m.code));
  for (const { m, ou } of motifs) {
    // The currency warning once per dispositif, not once per expense (docs/domaine.md §0).
    const cle = `${ou}|${m.message}`;
    if (dits.has(cle)) continue;
    dits.add(cle);
    const tete =
      m.code === "a_verifier"
        ? balises`<span class="avert">⚠ <strong>À vérifier</strong></span>`
        : m.niveau === "info"
          ? balises`<span>ℹ Information</span>`
          : balises`<span class="avert">⚠ <strong>Avertissement</strong></span>`;
    items.push(
      balises`<li>
        ${tete}${ou ? balises` (${ou})` : ""} :
        ${m.message}${m.source ? balises` <span class="source">[${m.source}]</span>` : ""}
      </li>`,
    );
  }
  return items.length
    ? balises`<h3>Avertissements et informations</h3>
        <ul class="avertissements">
          ${items}
        </ul>`
    : balises``;
}

/** Figures of the guide checked long ago: said under the verdict, detailed in the warnings. */
function aVerifierEnTete(f: FicheJson): Html {
  const dispositifs = [
    ...new Set(
      f.resultats.filter((r) => r.motifs.some((m) => m.code === "a_verifier")).map((r) => r.dispositif),
    ),
  ];
  return dispositifs.length
    ? balises`<p class="alerte">
        <span class="avert">⚠ <strong>À vérifier</strong></span> : des chiffres appliqués à
        ${dispositifs.join(", ")} datent du guide de 2019 ; confirmez-les auprès de l'opérateur avant de
        présenter ce plan (détail dans « Avertissements et informations »).
      </p>`
    : balises``;
}

function sectionBeneficiaire(fd: FicheDuRapport): Html {
  const b = fd.json.beneficiaire;
  const fiche = fd.fiche;
  const lignes: [string, string][] = [];
  if (fiche?.beneficiaire.nom) lignes.push(["Bénéficiaire", fiche.beneficiaire.nom]);
  if (b)
    lignes.push([
      "Taille",
      b.activite_economique
        ? `${b.taille ?? "—"}, catégorie ${b.categorie_entreprise ?? "—"}`
        : "activité non économique",
    ]);
  if (fiche?.territoire) lignes.push(["Territoire", fiche.territoire]);
  if (fiche?.date_demande) lignes.push(["Date de la demande", dateFr(fiche.date_demande)]);
  if (fiche?.date_debut) lignes.push(["Début des travaux", dateFr(fiche.date_debut)]);
  lignes.push(["Évaluée au", dateFr(fd.json.date_evaluation)]);
  if (fiche) lignes.push(["Coût total", euros(coutTotal(fiche))]);
  return balises`<dl class="identite">
    ${lignes.map(
      ([k, v]) =>
        balises`<div>
          <dt>${k}</dt>
          <dd>${v}</dd>
        </div>`,
    )}
  </dl>`;
}

/** What each public financer alone may still ask, the other lines unchanged (core's `marges[]`). */
function sectionMargesFinanceurs(f: FicheJson, nommer: NommerFinanceur, portee: (p: string) => string): Html {
  if (!f.marges.length) return balises``;
  return balises`<h3>Ce que chaque financeur peut encore demander</h3>
    <p>Chaque ligne seule, les autres lignes publiques inchangées et l'autofinancement ajusté.</p>
    <table>
      <thead>
        <tr>
          <th scope="col">Financeur</th>
          <th scope="col">Demandé</th>
          <th scope="col">Au plus</th>
          <th scope="col">Marge</th>
          <th scope="col">Limité par</th>
          <th scope="col">Source</th>
        </tr>
      </thead>
      <tbody>
        ${f.marges.map((m) => {
          const reste = m.marge === null ? null : new D(m.marge);
          const limite = m.limite_par
            ? `${NOMS_CONTROLES[m.limite_par.controle as keyof typeof NOMS_CONTROLES] ?? m.limite_par.controle} (${portee(m.limite_par.portee)})`
            : "—";
          return balises`<tr>
            <th scope="row">${nommer(m.financeur, m.dispositif)}</th>
            <td class="n">${montant(m.demande)}</td>
            <td class="n">${m.maximum === null ? "aucun montant conforme" : montant(m.maximum)}</td>
            <td class="n">
              ${
                reste === null
                  ? "—"
                  : reste.isNegative()
                    ? balises`<span class="ko">✖ ${euros(reste)} (à réduire)</span>`
                    : euros(reste)
              }
            </td>
            <td>${limite}</td>
            <td class="source">${m.limite_par?.source ?? "—"}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
}

export function rendrePageFiche(
  n: Numeroteur,
  fd: FicheDuRapport,
  index: number,
  contrat: ControleContratJson[],
  nommer: NommerFinanceur,
): Html {
  const f = fd.json;
  const verdict = verdictFiche(f, contrat);
  const echecs = [...f.controles, ...contrat].filter((c) => c.conforme === false);
  const marges = margesDe(f);
  return balises`<section class="fiche" id="${ancreFiche(index)}" aria-labelledby="${ancreFiche(index)}-titre">
    <h2 id="${ancreFiche(index)}-titre">Fiche ${f.id}${fd.fiche?.titre ? ` — ${fd.fiche.titre}` : ""}</h2>
    <p class="tete-verdict">
      ${etiquetteVerdict(verdict)}${
        echecs.length ? balises` — ${echecs.length} contrôle(s) en échec, d'abord : ${echecs[0].message}` : ""
      }
    </p>
    ${aVerifierEnTete(f)} ${sectionBeneficiaire(fd)}
    ${
      f.erreurs.length
        ? ""
        : balises`<h3>Plan de financement</h3>
            ${fd.fiche ? sectionPlan(n, fd.fiche, marges, nommer, fd.nomDepense) : ""}`
    }
    ${sectionMarges(n, marges, fd.nomDepense)} ${sectionMargesFinanceurs(f, nommer, porteeLisible(fd))} ${f.erreurs.length ? "" : sectionDispositifs(f, fd.nomDepense)}
    ${
      f.controles.length
        ? balises`<h3>Contrôles</h3>
            ${tableauControles(f.controles, "Contrôles du plan de financement", porteeLisible(fd))}`
        : ""
    }
    ${contrat.length ? tableauControles(contrat, "Contrôles du contrat qui concernent cette fiche") : ""}
    ${sectionAvertissements(f, fd.nomDepense)}
  </section>`;
}

// French phrases that suggest a force in a CRM note, in CompilePhrase's
// syntax ("a|b", "mot*" for every inflection, "_" up to three words).
// Accents and case are ignored on both sides (written here without
// accents), elisions are resolved (l' = le, d' = de, qu' = que, n' = ne),
// so "l'aise" is written "le aise" or "l'aise" alike. Weights as in the
// English table.
#include "forces/note_lexicon.h"

namespace jtbd {
namespace forces {

namespace {
constexpr v1::Force kPush = v1::FORCE_PUSH;
constexpr v1::Force kPull = v1::FORCE_PULL;
constexpr v1::Force kAnxiety = v1::FORCE_ANXIETY;
constexpr v1::Force kHabit = v1::FORCE_HABIT;
}  // namespace

const std::vector<PhraseRow>& FrenchPhraseRows() {
  static const auto* rows = new std::vector<PhraseRow>{
      // Poussée : ce qui ne va pas avec la situation actuelle.
      {kPush, "frustr*", 0.8},
      {kPush, "marre", 0.85},
      {kPush, "ras le bol", 0.85},
      {kPush,
       "plaint|plainte|plaintes|plaignent|plaignait|plaindre|"
       "plaignaient",
       0.8},
      {kPush, "exced*|exaspere*|agace*", 0.85},
      {kPush, "cauchemar*", 0.8},
      {kPush, "penible*|galere*|galerent|galerer", 0.75},
      {kPush, "plante|plantent|plantait|plantage*|crash*", 0.75},
      {kPush, "bug|bugs|bogue*|bugue*", 0.7},
      {kPush, "lent|lente|lents|lentes|lenteur*", 0.65},
      {kPush, "lourd|lourde|lourds|lourdes|vieillot*|obsolete*|depasse*", 0.6},
      {kPush, "pas|peu fiable*", 0.8},
      {kPush, "panne|pannes", 0.75},
      {kPush, "erreur|erreurs", 0.6},
      {kPush, "catastroph*|horrible*|affreu*|nul|nulle|mauvais", 0.7},
      {kPush, "deteste*|detestent", 0.75},
      {kPush, "probleme|problemes|problematique", 0.6},
      {kPush, "souci|soucis", 0.55},
      {kPush,
       "perd|perdent|perdons|perdre|perte|pertes _ affaires|clients|"
       "temps|argent|heures|ventes|marches|contrats|commandes",
       0.7},
      {kPush, "temps fou", 0.75},
      {kPush, "trop de temps", 0.75},
      {kPush, "trop longtemps|long|lent", 0.75},
      {kPush, "trop de", 0.6},
      {kPush, "manuel|manuelle|manuels|manuelles|manuellement", 0.55},
      {kPush, "doublon*", 0.55},
      {kPush, "desordre|bazar|pagaille", 0.6},
      {kPush, "ne suit|suivent|tient|tiennent plus", 0.7},
      {kPush, "manque|manquent|manquait", 0.6},
      {kPush,
       "ne gere|gerent|permet|permettent|propose|proposent|fait|"
       "supporte|marche|fonctionne pas",
       0.65},
      {kPush, "insatisf*|mecontent*|decu|decus|decue|decues|decoit", 0.8},
      {kPush, "limite|limites|limitation*", 0.5},
      {kPush, "complique*|difficile a utiliser|maintenir", 0.55},
      {kPush, "gaspill*", 0.7},
      {kPush, "trop cher|chere|couteux", 0.6},
      {kPush, "reclamation*", 0.6},
      {kPush, "casse tete", 0.75},
      {kPush, "prise de tete", 0.75},
      {kPush, "ne va|vont plus", 0.7},
      // Attraction : ce qui attire vers la nouvelle solution.
      {kPull, "ador*", 0.8},
      {kPull, "aime|aiment|aimerait|aimeraient|aimé|aimee", 0.65},
      {kPull, "apprec*", 0.7},
      {kPull, "enthousias*|emball*", 0.8},
      {kPull, "impressionn*", 0.8},
      {kPull, "bluff*|epate*|conquis*", 0.8},
      {kPull, "sedui*", 0.8},
      {kPull, "attir*", 0.75},
      {kPull, "interesse|interessee|interesses|interessees", 0.7},
      {kPull, "interet", 0.5},
      {kPull, "plu|plait|plaisent|plaire", 0.7},
      {kPull, "la donne", 0.85},
      {kPull, "argument decisif|fort", 0.8},
      {kPull, "point|points fort|forts", 0.7},
      {kPull,
       "gagner|gagne|gagnent|gain|gains _ temps|heures|jours|argent|"
       "productivite",
       0.75},
      {kPull, "veut|veulent|voudrait|voudraient|souhait*", 0.5},
      {kPull, "demande|demandé|demandent _ essai|demo|pilote|poc", 0.65},
      {kPull, "simplicite|simple|facile|intuiti*", 0.55},
      {kPull, "rapidite|plus rapide", 0.6},
      {kPull, "visibilite", 0.5},
      {kPull, "avantage|avantages", 0.55},
      {kPull, "prometteu*", 0.6},
      {kPull, "hate de", 0.7},
      {kPull, "convaincu|convaincus|convaincue", 0.7},
      {kPull, "ravi|ravis|ravie|ravies", 0.75},
      // Anxiété : ce qui pourrait mal tourner avec la nouvelle solution.
      {kAnxiety, "inquie*", 0.85},
      {kAnxiety, "crain*|craign*", 0.8},
      {kAnxiety, "peur", 0.85},
      {kAnxiety, "redout*", 0.8},
      {kAnxiety, "anxi*|angoiss*", 0.85},
      {kAnxiety, "nerveu*", 0.8},
      {kAnxiety, "hesit*", 0.75},
      {kAnxiety, "doute|doutes|doutent", 0.7},
      {kAnxiety,
       "pas sur|sure|surs|sures|certain|certains|certaine|"
       "convaincu|convaincus",
       0.7},
      {kAnxiety, "incertain*|incertitude*", 0.7},
      {kAnxiety, "risque|risques|risquee", 0.7},
      {kAnxiety, "mefian*|mefie*|prudent*|sceptique*", 0.7},
      {kAnxiety, "courbe _ apprentissage", 0.75},
      {kAnxiety, "cout|couts _ changement|migration|bascule", 0.75},
      {kAnxiety, "prisonnier*|verrouill*|dependance", 0.7},
      {kAnxiety, "perturb*", 0.7},
      {kAnxiety, "passe|passer|tourne|tourner|passent|tournent mal", 0.7},
      {kAnxiety,
       "perdre|perte _ donnees|historique|personnalisations|"
       "fiches|travail|parametrages",
       0.7},
      {kAnxiety, "interruption*", 0.55},
      {kAnxiety, "stress*", 0.7},
      {kAnxiety, "ne adopt* pas", 0.65},
      {kAnxiety, "et si", 0.5},
      // Habitude : ce qui retient dans la situation actuelle.
      {kHabit, "habitu*", 0.8},
      {kHabit, "attache|attachee|attaches|attachees|attachement", 0.75},
      {kHabit, "fidele|fideles|fidelite", 0.75},
      {kHabit, "a le aise", 0.75},
      {kHabit, "toujours fait|utilise|travaille|eu|ete", 0.75},
      {kHabit, "reticen*", 0.65},
      {kHabit, "resist*", 0.75},
      {kHabit, "inertie", 0.85},
      {kHabit, "rester|reste|restent avec|chez|sur|fidele*", 0.7},
      {kHabit, "content|contents|contente|heureux|heureuse de rester", 0.8},
      {kHabit, "prefere|preferent|prefererait _ rester|garder|continuer", 0.75},
      {kHabit, "par coeur", 0.7},
      {kHabit, "ce que _ connai*", 0.7},
      {kHabit,
       "ne veut|veulent|voulait pas _ changer|reformer|apprendre|"
       "perdre|quitter|bouger",
       0.75},
      {kHabit, "ne voit|voient pas _ interet|raison|pourquoi|besoin|utilite",
       0.75},
      {kHabit, "personne ne veut|veulent", 0.7},
      {kHabit, "depuis _ ans|annees", 0.5},
      {kHabit, "depuis 19*|20*", 0.5},
      {kHabit, "ces annees", 0.55},
      {kHabit, "meme outil|logiciel|fournisseur|systeme", 0.5},
      {kHabit, "routine", 0.6},
      {kHabit, "on a toujours", 0.75},
  };
  return *rows;
}

}  // namespace forces
}  // namespace jtbd

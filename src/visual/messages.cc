#include "visual/messages.h"

#include <cmath>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "visual/markup.h"

namespace jtbd {
namespace visual {
namespace {

// U+202F NARROW NO-BREAK SPACE: French thousands separator and the space
// before ; : and %.
#define NNBSP "\xE2\x80\xAF"

const Messages kEnglish = {
    // Landscape.
    "Opportunity landscape",
    "Importance (0\xE2\x80\x93"
    "10)",
    "Satisfaction (0\xE2\x80\x93"
    "10)",
    "Overserved",
    "Underserved",
    "Appropriately served",
    "Opportunity $0",
    "All respondents",
    "Outcomes",
    "Not drawn (no answers): $0",
    "Whiskers: $0 intervals",
    // HTML report.
    "Opportunity report",
    "$0 respondents \xC2\xB7 scale $1 \xC2\xB7 top box $2 \xC2\xB7 $3 "
    "intervals",
    "Summary",
    "The most underserved outcomes, where customers struggle most and a "
    "better solution would be valued, are:",
    "No outcome is underserved: no opportunity score reaches 10.",
    "Overserved (satisfaction above importance; candidates for "
    "simplification or cost cuts):",
    "No outcome is overserved.",
    "In segment $0 ($1 respondents), significantly more underserved than in "
    "the rest of the respondents:",
    "No segment differs significantly from the rest of the respondents.",
    "Segment $0 does not differ significantly from the rest of the "
    "respondents.",
    "The band of $0 outcome(s) is uncertain: their opportunity interval "
    "contains a band threshold.",
    "opportunity",
    "Outcomes ranked by opportunity",
    "Rank",
    "Outcome",
    "Importance",
    "Satisfaction",
    "Opportunity",
    "Band",
    "Answers",
    "Segments",
    "Segment $0: $1 respondents (rest: $2)",
    "Top outcomes in this segment",
    "Significantly more underserved than in the rest",
    "No outcome is significantly more underserved than in the rest.",
    "Rest",
    "Difference",
    "Adjusted p",
    "Competing solutions",
    "Ours",
    "Best solution",
    "Gap",
    "Screening",
    "$0 of $1 respondents flagged as inattentive ($2 straight-lining, $3 "
    "speeding, $4 blanks).",
    "They were left out of every score.",
    "They are still counted in the scores.",
    "Warnings",
    "No warnings.",
    "Small sample for $0: $1 effective answers; intervals are wide.",
    "The band of $0 is uncertain: its opportunity interval contains a band "
    "threshold.",
    "No substantial segment structure (mean silhouette $0).",
    "Screening flagged $0 of the respondents.",
    "A caution about $0.",
    "outcome $0",
    "outcome $0 in segment $1",
    "segment $0",
    "the whole sample",
    "Importance and satisfaction are 10 \xC3\x97 the share of top-box "
    "ratings among those who answered; opportunity = importance + "
    "max(importance \xE2\x88\x92 satisfaction, 0). Intervals at $0.",
    "Made with jtbd.",
    {"\xE2\x80\x93", "extreme", "high", "underserved", "appropriately served",
     "overserved", "table stakes", "insufficient data"},
};

const Messages kFrench = {
    // Paysage.
    "Paysage des opportunit\xC3\xA9s",
    "Importance (0\xE2\x80\x93"
    "10)",
    "Satisfaction (0\xE2\x80\x93"
    "10)",
    "Surservi",
    "Sous-servi",
    "Correctement servi",
    "Opportunit\xC3\xA9 $0",
    "Tous les r\xC3\xA9pondants",
    "R\xC3\xA9sultats attendus",
    "Non repr\xC3\xA9sent\xC3\xA9s (aucune r\xC3\xA9ponse)" NNBSP ": $0",
    "Moustaches" NNBSP ": intervalles \xC3\xA0 $0",
    // Rapport HTML.
    "Rapport d\xE2\x80\x99opportunit\xC3\xA9s",
    "$0 r\xC3\xA9pondants \xC2\xB7 \xC3\xA9"
    "chelle $1 \xC2\xB7 "
    "haut de l\xE2\x80\x99\xC3\xA9"
    "chelle $2 \xC2\xB7 intervalles \xC3\xA0 $3",
    "Synth\xC3\xA8se",
    "Les r\xC3\xA9sultats les plus sous-servis, l\xC3\xA0 o\xC3\xB9 les "
    "clients peinent le plus et o\xC3\xB9 une meilleure solution serait "
    "appr\xC3\xA9"
    "ci\xC3\xA9"
    "e, sont" NNBSP ":",
    "Aucun r\xC3\xA9sultat n\xE2\x80\x99"
    "est sous-servi" NNBSP
    ": aucun "
    "score d\xE2\x80\x99opportunit\xC3\xA9 n\xE2\x80\x99"
    "atteint 10.",
    "Surservis (satisfaction sup\xC3\xA9rieure \xC3\xA0 l\xE2\x80\x99"
    "importance" NNBSP
    "; pistes de simplification ou "
    "d\xE2\x80\x99\xC3\xA9"
    "conomies)" NNBSP ":",
    "Aucun r\xC3\xA9sultat n\xE2\x80\x99"
    "est surservi.",
    "Dans le segment $0 ($1 r\xC3\xA9pondants), significativement plus "
    "sous-servis que chez les autres r\xC3\xA9pondants" NNBSP ":",
    "Aucun segment ne diff\xC3\xA8re significativement des autres "
    "r\xC3\xA9pondants.",
    "Le segment $0 ne diff\xC3\xA8re pas significativement des autres "
    "r\xC3\xA9pondants.",
    "La cat\xC3\xA9gorie de $0 r\xC3\xA9sultat(s) est incertaine" NNBSP
    ": "
    "leur intervalle d\xE2\x80\x99opportunit\xC3\xA9 contient un seuil.",
    "opportunit\xC3\xA9",
    "R\xC3\xA9sultats class\xC3\xA9s par opportunit\xC3\xA9",
    "Rang",
    "R\xC3\xA9sultat attendu",
    "Importance",
    "Satisfaction",
    "Opportunit\xC3\xA9",
    "Cat\xC3\xA9gorie",
    "R\xC3\xA9ponses",
    "Segments",
    "Segment $0" NNBSP ": $1 r\xC3\xA9pondants (autres" NNBSP ": $2)",
    "Premiers r\xC3\xA9sultats de ce segment",
    "Significativement plus sous-servis que chez les autres",
    "Aucun r\xC3\xA9sultat n\xE2\x80\x99"
    "est significativement plus "
    "sous-servi que chez les autres.",
    "Autres",
    "\xC3\x89"
    "cart",
    "p ajust\xC3\xA9",
    "Solutions concurrentes",
    "La n\xC3\xB4tre",
    "Meilleure solution",
    "\xC3\x89"
    "cart",
    "Filtrage des r\xC3\xA9pondants",
    "$0 r\xC3\xA9pondants sur $1 signal\xC3\xA9s comme inattentifs ($2 "
    "r\xC3\xA9ponses uniformes, $3 trop rapides, $4 trop de blancs).",
    "Ils ont \xC3\xA9t\xC3\xA9 exclus de tous les scores.",
    "Ils restent compt\xC3\xA9s dans les scores.",
    "Mises en garde",
    "Aucune mise en garde.",
    "Petit \xC3\xA9"
    "chantillon pour $0" NNBSP
    ": $1 r\xC3\xA9ponses "
    "effectives" NNBSP "; les intervalles sont larges.",
    "La cat\xC3\xA9gorie de $0 est incertaine" NNBSP
    ": son intervalle "
    "d\xE2\x80\x99opportunit\xC3\xA9 contient un seuil.",
    "Pas de structure de segments substantielle (silhouette moyenne $0).",
    "Le filtrage a signal\xC3\xA9 $0 des r\xC3\xA9pondants.",
    "Une mise en garde sur $0.",
    "le r\xC3\xA9sultat $0",
    "le r\xC3\xA9sultat $0 dans le segment $1",
    "le segment $0",
    "l\xE2\x80\x99\xC3\xA9"
    "chantillon entier",
    "L\xE2\x80\x99importance et la satisfaction valent 10 \xC3\x97 la part "
    "des r\xC3\xA9ponses en haut de l\xE2\x80\x99\xC3\xA9"
    "chelle parmi "
    "ceux qui ont r\xC3\xA9pondu" NNBSP
    "; opportunit\xC3\xA9 = importance + "
    "max(importance \xE2\x88\x92 satisfaction, 0). Intervalles \xC3\xA0 $0.",
    "R\xC3\xA9"
    "alis\xC3\xA9 avec jtbd.",
    {"\xE2\x80\x93", "extr\xC3\xAAme",
     "\xC3\xA9lev\xC3\xA9"
     "e",
     "sous-servi", "correctement servi", "surservi", "incontournable",
     "donn\xC3\xA9"
     "es insuffisantes"},
};

const SectionMessages kSectionEnglish = {
    // Forces.
    "Switching forces",
    "$0 switch interviews: $1 customers switched, $2 stayed. Intervals at "
    "$3.",
    {"\xE2\x80\x93", "Push of the situation", "Pull of the new solution",
     "Anxiety about the new", "Habit of the present"},
    "Force",
    "Mentioned in",
    "Mean intensity (1\xE2\x80\x93"
    "5)",
    "Switchers",
    "Stayers",
    "Mentioned in: share of interviews that mention the force. Mean "
    "intensity: among those that mention it. Switchers and stayers: mean "
    "intensity, 0 when not mentioned; adjusted p: Mann\xE2\x80\x93Whitney "
    "test, Holm "
    "adjustment.",
    "The balance push + pull \xE2\x88\x92 anxiety \xE2\x88\x92 habit foretells "
    "the outcome "
    "(positive: a switch) in $0 of the interviews ($1\xE2\x80\x93$2).",
    "What predicts a switch",
    "A model of the four forces tells switchers from stayers $0: "
    "cross-validated AUC $1 (0.5 is chance, 1 is perfect) over $2 folds; "
    "Brier score $3 (lower is better).",
    {"no better than chance", "weakly", "fairly well", "well"},
    "No model of the forces could be fitted: $0",
    "Weight (log-odds per intensity point)",
    "Reading",
    "raises the odds of switching",
    "lowers the odds of switching",
    "effect unclear (its interval contains 0)",
    // Wave changes.
    "Changes since the previous wave",
    "$0 respondents in the previous wave, $1 in this one. $2 of $3 "
    "outcomes changed significantly (p adjusted over $4 tests).",
    "$0 respondents in the previous wave, $1 in this one. $2 of $3 "
    "outcomes changed significantly (p adjusted over $4 tests).",
    "No outcome changed significantly.",
    "Each change is this wave minus the previous one, with its interval and "
    "adjusted p; in bold when significant.",
    "Band (before \xE2\x86\x92 after)",
    "In one wave only: $0",
    // Roadmap.
    "Chosen roadmap",
    "Within a budget of $0, the best portfolio is $1 initiative(s) costing "
    "$2, which close $3 points of opportunity.",
    "No initiative fits within the budget of $0.",
    "This choice is proven optimal.",
    "The search stopped early: the portfolio found may be up to $0 points "
    "short of the best.",
    "Over $0 redraws of the respondents, this exact portfolio was the best "
    "$1 of the time.",
    "Initiative",
    "Cost",
    "Opportunity lost without it",
    "Chosen in redraws",
    "Outcomes it improves",
    "Opportunity before",
    "After",
    "Closed",
    "By",
    // Summary sentences.
    "Switching: $0 of $1 interviewed customers switched; the balance of "
    "forces foretells the outcome in $2 of the interviews.",
    "Since the previous wave, $0 outcomes changed significantly.",
    "Since the previous wave, 1 outcome changed significantly.",
    "Since the previous wave, no outcome changed significantly.",
    "Chosen roadmap: $0 (cost $1), closing $2 points of opportunity.",
    "No initiative fits within the budget.",
};

const SectionMessages kSectionFrench = {
    // Forces.
    "Forces de changement",
    "$0 entretiens de changement\xE2\x80\xAF: $1 clients ont chang\xC3\xA9, $2 "
    "sont rest\xC3\xA9s. "
    "Intervalles \xC3\xA0 $3.",
    {"\xE2\x80\x93",
     "Pouss\xC3\xA9"
     "e de la situation",
     "Attraction de la nouvelle solution",
     "Anxi\xC3\xA9t\xC3\xA9 face au nouveau", "Habitude du pr\xC3\xA9sent"},
    "Force",
    "Cit\xC3\xA9"
    "e dans",
    "Intensit\xC3\xA9 moyenne (1\xE2\x80\x93"
    "5)",
    "Ont chang\xC3\xA9",
    "Sont rest\xC3\xA9s",
    "Cit\xC3\xA9"
    "e dans\xE2\x80\xAF: part des entretiens qui mentionnent la force. "
    "Intensit\xC3\xA9 "
    "moyenne\xE2\x80\xAF: parmi ceux qui la mentionnent. Ont chang\xC3\xA9 et "
    "sont rest\xC3\xA9s\xE2\x80\xAF: "
    "intensit\xC3\xA9 moyenne, 0 si non mentionn\xC3\xA9"
    "e\xE2\x80\xAF; p ajust\xC3\xA9\xE2\x80\xAF: test de "
    "Mann\xE2\x80\x93Whitney, ajustement de Holm.",
    "Le solde pouss\xC3\xA9"
    "e + attraction \xE2\x88\x92 anxi\xC3\xA9t\xC3\xA9 \xE2\x88\x92 habitude "
    "annonce l\xE2\x80\x99issue "
    "(positif\xE2\x80\xAF: un changement) dans $0 des entretiens "
    "($1\xE2\x80\x93$2).",
    "Ce qui annonce un changement",
    "Un mod\xC3\xA8le des quatre forces distingue ceux qui changent de ceux "
    "qui "
    "restent $0\xE2\x80\xAF: AUC en validation crois\xC3\xA9"
    "e $1 (0,5\xE2\x80\xAF: le hasard, 1\xE2\x80\xAF: "
    "parfait) sur $2 blocs\xE2\x80\xAF; score de Brier $3 (plus bas, "
    "meilleur).",
    {"pas mieux que le hasard", "faiblement", "assez bien", "bien"},
    "Aucun mod\xC3\xA8le des forces n\xE2\x80\x99"
    "a pu \xC3\xAAtre ajust\xC3\xA9\xE2\x80\xAF: $0",
    "Poids (log-cote par point d\xE2\x80\x99intensit\xC3\xA9)",
    "Lecture",
    "augmente les chances de changer",
    "diminue les chances de changer",
    "effet incertain (son intervalle contient 0)",
    // \xC3\x89volutions.
    "\xC3\x89volutions depuis la vague pr\xC3\xA9"
    "c\xC3\xA9"
    "dente",
    "$0 r\xC3\xA9pondants dans la vague pr\xC3\xA9"
    "c\xC3\xA9"
    "dente, $1 dans celle-ci. $2 "
    "r\xC3\xA9sultats sur $3 ont \xC3\xA9volu\xC3\xA9 significativement (p "
    "ajust\xC3\xA9s sur $4 "
    "tests).",
    "$0 r\xC3\xA9pondants dans la vague pr\xC3\xA9"
    "c\xC3\xA9"
    "dente, $1 dans celle-ci. $2 "
    "r\xC3\xA9sultat sur $3 a \xC3\xA9volu\xC3\xA9 significativement (p "
    "ajust\xC3\xA9s sur $4 "
    "tests).",
    "Aucun r\xC3\xA9sultat n\xE2\x80\x99"
    "a \xC3\xA9volu\xC3\xA9 significativement.",
    "Chaque \xC3\xA9volution\xE2\x80\xAF: cette vague moins la pr\xC3\xA9"
    "c\xC3\xA9"
    "dente, avec son intervalle "
    "et son p ajust\xC3\xA9\xE2\x80\xAF; en gras si significative.",
    "Cat\xC3\xA9gorie (avant \xE2\x86\x92 apr\xC3\xA8s)",
    "Dans une seule vague\xE2\x80\xAF: $0",
    // Feuille de route.
    "Feuille de route retenue",
    "Pour un budget de $0, le meilleur portefeuille compte $1 initiative(s) "
    "pour un co\xC3\xBBt de $2, qui r\xC3\xA9"
    "duisent l\xE2\x80\x99opportunit\xC3\xA9 de $3 points.",
    "Aucune initiative ne tient dans le budget de $0.",
    "Ce choix est prouv\xC3\xA9 optimal.",
    "La recherche s\xE2\x80\x99"
    "est arr\xC3\xAAt\xC3\xA9"
    "e t\xC3\xB4t\xE2\x80\xAF: le portefeuille trouv\xC3\xA9 peut \xC3\xAAtre "
    "jusqu\xE2\x80\x99\xC3\xA0 $0 points en dessous du meilleur.",
    "Sur $0 tirages des r\xC3\xA9pondants, ce portefeuille exact \xC3\xA9tait "
    "le meilleur "
    "dans $1 des cas.",
    "Initiative",
    "Co\xC3\xBBt",
    "Opportunit\xC3\xA9 perdue sans elle",
    "Retenue dans les tirages",
    "R\xC3\xA9sultats qu\xE2\x80\x99"
    "elle am\xC3\xA9liore",
    "Opportunit\xC3\xA9 avant",
    "Apr\xC3\xA8s",
    "R\xC3\xA9"
    "duite de",
    "Par",
    // Phrases de la synth\xC3\xA8se.
    "Changement\xE2\x80\xAF: $0 des $1 clients interrog\xC3\xA9s ont "
    "chang\xC3\xA9\xE2\x80\xAF; le solde des "
    "forces annonce l\xE2\x80\x99issue dans $2 des entretiens.",
    "Depuis la vague pr\xC3\xA9"
    "c\xC3\xA9"
    "dente, $0 r\xC3\xA9sultats ont \xC3\xA9volu\xC3\xA9 "
    "significativement.",
    "Depuis la vague pr\xC3\xA9"
    "c\xC3\xA9"
    "dente, 1 r\xC3\xA9sultat a \xC3\xA9volu\xC3\xA9 "
    "significativement.",
    "Depuis la vague pr\xC3\xA9"
    "c\xC3\xA9"
    "dente, aucun r\xC3\xA9sultat n\xE2\x80\x99"
    "a \xC3\xA9volu\xC3\xA9 "
    "significativement.",
    "Feuille de route retenue\xE2\x80\xAF: $0 (co\xC3\xBBt $1), qui r\xC3\xA9"
    "duit l\xE2\x80\x99opportunit\xC3\xA9 de "
    "$2 points.",
    "Aucune initiative ne tient dans le budget.",
};

// Digits of the integer part grouped by three with `separator`.
std::string Grouped(const std::string& digits, absl::string_view separator) {
  std::string out;
  const size_t n = digits.size();
  for (size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0)
      out.append(separator.data(), separator.size());
    out += digits[i];
  }
  return out;
}

}  // namespace

absl::StatusOr<Language> ParseLanguage(absl::string_view code) {
  if (code.empty() || code == "en") return Language::kEnglish;
  if (code == "fr") return Language::kFrench;
  return absl::InvalidArgumentError(
      absl::StrCat("unknown language \"", code, "\" (expected en or fr)"));
}

const char* LanguageCode(Language language) {
  return language == Language::kFrench ? "fr" : "en";
}

const Messages& MessagesFor(Language language) {
  return language == Language::kFrench ? kFrench : kEnglish;
}

const SectionMessages& SectionMessagesFor(Language language) {
  return language == Language::kFrench ? kSectionFrench : kSectionEnglish;
}

const CoverageMessages kCoverageEnglish = {
    "Job map coverage",
    "The job map has $0 steps and the design $1 desired outcomes; $2 "
    "without any desired outcome.",
    "The job: $0.",
    {"", "Define", "Locate", "Prepare", "Confirm", "Execute", "Monitor",
     "Modify", "Conclude"},
    "Step",
    "Outcomes",
    "Scored",
    "Underserved",
    "Overserved",
    "Opportunity above 10",
    "Highest opportunity",
    "Reading",
    "no desired outcome: nothing is known of this step",
    "every scored outcome underserved",
    "every scored outcome overserved",
    "the most unmet opportunity",
    "The step with the most unmet opportunity is <strong>$0</strong>: its "
    "outcomes add up to $1 points of opportunity above 10, the highest "
    "reaching $2.",
    "No step has an outcome with an opportunity above 10.",
    "Desired outcomes attached to no step: $0.",
    "Desired outcomes the survey has no scores for: $0.",
    "Underserved: opportunity of 10 or more; overserved: satisfaction above "
    "importance. Opportunity above 10 adds up, over a step's scored "
    "outcomes, what each has above 10, so a step ranks by how much unmet "
    "need it holds, not by how many outcomes it has.",
    "Along the job map, the most unmet opportunity is in the step "
    "<strong>$0</strong>; $1 without any desired outcome.",
    "Along the job map, no step has an outcome with an opportunity above "
    "10; $0 without any desired outcome.",
};

const CoverageMessages kCoverageFrench = {
    "Couverture de la carte du job",
    "La carte du job compte $0 \xC3\xA9tapes et le plan "
    "d\xE2\x80\x99\xC3\xA9tude "
    "$1 r\xC3\xA9sultats attendus\xE2\x80\xAF; $2 sans aucun r\xC3\xA9sultat "
    "attendu.",
    "Le job\xE2\x80\xAF: $0.",
    {"",
     "D\xC3\xA9"
     "finir",
     "Localiser", "Pr\xC3\xA9parer", "Confirmer",
     "Ex\xC3\xA9"
     "cuter",
     "Surveiller", "Modifier", "Conclure"},
    "\xC3\x89tape",
    "R\xC3\xA9sultats",
    "Not\xC3\xA9s",
    "Mal servis",
    "Trop servis",
    "Opportunit\xC3\xA9 au-del\xC3\xA0 de 10",
    "Plus forte opportunit\xC3\xA9",
    "Lecture",
    "aucun r\xC3\xA9sultat attendu\xE2\x80\xAF: rien n\xE2\x80\x99"
    "est connu de "
    "cette \xC3\xA9tape",
    "tous les r\xC3\xA9sultats not\xC3\xA9s mal servis",
    "tous les r\xC3\xA9sultats not\xC3\xA9s trop servis",
    "la plus grande opportunit\xC3\xA9 non satisfaite",
    "L\xE2\x80\x99\xC3\xA9tape o\xC3\xB9 l\xE2\x80\x99opportunit\xC3\xA9 non "
    "satisfaite est la plus grande est <strong>$0</strong>\xE2\x80\xAF: ses "
    "r\xC3\xA9sultats cumulent $1 points d\xE2\x80\x99opportunit\xC3\xA9 "
    "au-del\xC3\xA0 de 10, le plus fort atteignant $2.",
    "Aucune \xC3\xA9tape n\xE2\x80\x99"
    "a de r\xC3\xA9sultat d\xE2\x80\x99opportunit\xC3\xA9 "
    "sup\xC3\xA9rieure \xC3\xA0 10.",
    "R\xC3\xA9sultats attendus rattach\xC3\xA9s \xC3\xA0 aucune "
    "\xC3\xA9tape\xE2\x80\xAF: "
    "$0.",
    "R\xC3\xA9sultats attendus sans score dans l\xE2\x80\x99"
    "enqu\xC3\xAAte\xE2\x80\xAF: $0.",
    "Mal servi\xE2\x80\xAF: opportunit\xC3\xA9 de 10 ou plus\xE2\x80\xAF; trop "
    "servi\xE2\x80\xAF: satisfaction au-dessus de l\xE2\x80\x99importance. "
    "L\xE2\x80\x99opportunit\xC3\xA9 au-del\xC3\xA0 de 10 additionne, sur les "
    "r\xC3\xA9sultats not\xC3\xA9s d\xE2\x80\x99une \xC3\xA9tape, ce que "
    "chacun a "
    "au-del\xC3\xA0 de 10\xE2\x80\xAF: une \xC3\xA9tape se classe par le "
    "besoin non "
    "satisfait qu\xE2\x80\x99"
    "elle porte, non par son nombre de r\xC3\xA9sultats.",
    "Le long de la carte du job, l\xE2\x80\x99opportunit\xC3\xA9 non "
    "satisfaite "
    "est la plus grande \xC3\xA0 l\xE2\x80\x99\xC3\xA9tape "
    "<strong>$0</strong>\xE2\x80\xAF; "
    "$1 sans aucun r\xC3\xA9sultat attendu.",
    "Le long de la carte du job, aucune \xC3\xA9tape n\xE2\x80\x99"
    "a de r\xC3\xA9sultat "
    "d\xE2\x80\x99opportunit\xC3\xA9 sup\xC3\xA9rieure \xC3\xA0 "
    "10\xE2\x80\xAF; $0 sans "
    "aucun r\xC3\xA9sultat attendu.",
};

std::string BandText(Language language, v1::Band band) {
  const int index = static_cast<int>(band);
  if (index < 0 || index > 7) return MessagesFor(language).bands[0];
  return MessagesFor(language).bands[index];
}

std::string Number(Language language, double value, int decimals) {
  std::string text = Fixed(value, decimals);
  std::string sign;
  if (!text.empty() && text[0] == '-') {
    sign = "-";
    text.erase(0, 1);
  }
  const size_t point = text.find('.');
  const std::string whole = text.substr(0, point);
  const std::string fraction =
      point == std::string::npos ? "" : text.substr(point + 1);
  const bool french = language == Language::kFrench;
  std::string out =
      sign + Grouped(whole, french ? absl::string_view(NNBSP) : ",");
  if (!fraction.empty()) out += (french ? "," : ".") + fraction;
  return out;
}

std::string Count(Language language, uint64_t value) {
  return Grouped(absl::StrCat(value), language == Language::kFrench
                                          ? absl::string_view(NNBSP)
                                          : absl::string_view(","));
}

std::string Percent(Language language, double share) {
  const double percent = share * 100;
  const bool whole = std::fabs(percent - std::round(percent)) < 1e-9;
  const std::string number = Number(language, percent, whole ? 0 : 1);
  return language == Language::kFrench ? number + NNBSP "%" : number + "%";
}

const CoverageMessages& CoverageMessagesFor(Language language) {
  return language == Language::kFrench ? kCoverageFrench : kCoverageEnglish;
}

}  // namespace visual
}  // namespace jtbd

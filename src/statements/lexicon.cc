#include "statements/lexicon.h"

#include <algorithm>
#include <initializer_list>

#include "io/text_normalize.h"

namespace jtbd {
namespace statements {

namespace {

absl::flat_hash_set<std::string> Words(
    std::initializer_list<const char*> words) {
  absl::flat_hash_set<std::string> set;
  for (const char* w : words) set.insert(NormalizeText(w));
  return set;
}

void AddDirections(Lexicon* lexicon, std::initializer_list<const char*> words,
                   bool canonical, bool minimize) {
  for (const char* w : words) {
    lexicon->directions[NormalizeText(w)] = Direction{canonical, minimize};
  }
}

// Brands and products every language shares (domain.md §2.1: a solution
// word is a brand, product, feature or technology).
const std::vector<std::string>& SharedSolutions() {
  static const auto* const kShared = new std::vector<std::string>{
      "crm",        "erp",        "saas",       "api",        "excel",
      "salesforce", "hubspot",    "sap",        "jira",       "slack",
      "trello",     "notion",     "zoom",       "whatsapp",   "google",
      "gmail",      "outlook",    "spotify",    "deezer",     "iphone",
      "ipad",       "android",    "ios",        "smartphone", "bluetooth",
      "blockchain", "chatgpt",    "openai",     "chatbot",    "widget",
      "plugin",     "plug-in",    "popup",      "pop-up",     "bosch",
      "dewalt",     "makita",     "qr code",    "sms",        "wifi",
      "wi-fi",      "usb",        "pdf",        "amazon",     "uber",
      "dropbox",    "sharepoint", "quickbooks", "shopify"};
  return *kShared;
}

std::vector<std::string> Join(std::vector<std::string> a,
                              const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

Lexicon MakeEnglish() {
  Lexicon x;
  x.language = Language::kEnglish;
  x.minimize = "Minimize";
  x.increase = "Increase";
  AddDirections(&x, {"minimize", "minimise"}, true, true);
  AddDirections(&x, {"increase"}, true, false);
  AddDirections(&x,
                {"reduce", "decrease", "lessen", "lower", "limit", "prevent",
                 "avoid", "eliminate", "shorten"},
                false, true);
  AddDirections(&x,
                {"improve", "maximize", "maximise", "boost", "raise", "enhance",
                 "optimize", "optimise", "grow"},
                false, false);
  x.metrics = MakePhrases({"the time it takes to=time",
                           "the time it takes for=time",
                           "the time it takes=time",
                           "the time required to=time",
                           "the time needed to=time",
                           "the time spent=time",
                           "the time to=time",
                           "the likelihood that=likelihood",
                           "the likelihood of=likelihood",
                           "the probability that=likelihood",
                           "the probability of=likelihood",
                           "the chance that=likelihood",
                           "the chances of=likelihood",
                           "the risk that=likelihood",
                           "the risk of=likelihood",
                           "the number of=number",
                           "the amount of=amount",
                           "the frequency that=frequency",
                           "the frequency with which=frequency",
                           "the frequency of=frequency",
                           "the frequency at which=frequency"});
  x.metric_nouns = Words({"time", "cost", "costs", "effort", "likelihood",
                          "probability", "number", "amount", "frequency",
                          "risk", "money", "expense", "resources", "steps"});
  x.outcome_clarifier_markers =
      Words({"when", "while", "during", "before", "after", "whenever", "once",
             "upon", "if", "until"});
  x.job_clarifier_markers =
      Words({"when", "while", "during", "before", "after", "in", "on", "at",
             "for", "with", "without", "from", "by", "within", "until",
             "across", "whenever", "once"});
  x.conjunctions = Words({"and", "or", "and/or", "&"});
  x.between = Words({"between", "both", "either", "whether"});
  x.articles = Words({"the", "a", "an"});
  x.binomials = MakePhrases(
      {"terms and conditions", "trial and error", "pros and cons",
       "back and forth", "black and white", "research and development",
       "profit and loss", "questions and answers", "up and running",
       "health and safety", "bed and breakfast"});
  x.vague = MakePhrases({"quickly",       "easily",
                         "very",          "often",
                         "frequently",    "significantly",
                         "extremely",     "usually",
                         "really",        "quite",
                         "fairly",        "simply",
                         "efficiently",   "effectively",
                         "properly",      "seamlessly",
                         "smoothly",      "effortlessly",
                         "intuitively",   "greatly",
                         "better",        "faster",
                         "easier",        "best",
                         "optimal",       "optimally",
                         "user-friendly", "hassle-free",
                         "rapidly",       "promptly",
                         "reasonably",    "somewhat",
                         "highly",        "as soon as possible",
                         "asap"});
  x.solutions = MakePhrases(Join({"app",
                                  "apps",
                                  "software",
                                  "website",
                                  "web site",
                                  "web page",
                                  "webpage",
                                  "dashboard",
                                  "button",
                                  "buttons",
                                  "click",
                                  "clicks",
                                  "dropdown",
                                  "drop-down",
                                  "drop-down menu",
                                  "database",
                                  "algorithm",
                                  "cloud",
                                  "mobile app",
                                  "portal",
                                  "feature",
                                  "features",
                                  "spreadsheet",
                                  "machine learning",
                                  "artificial intelligence",
                                  "ai",
                                  "login screen",
                                  "user interface",
                                  "ui",
                                  "checkbox",
                                  "tab",
                                  "toolbar",
                                  "screen"},
                                 SharedSolutions()));
  x.business = MakePhrases({"revenue",
                            "revenues",
                            "sales",
                            "profit",
                            "profits",
                            "profitability",
                            "margin",
                            "margins",
                            "market share",
                            "conversion",
                            "conversions",
                            "conversion rate",
                            "churn",
                            "churn rate",
                            "retention",
                            "arr",
                            "mrr",
                            "nps",
                            "net promoter score",
                            "customer satisfaction",
                            "customer acquisition",
                            "shareholder value",
                            "growth",
                            "turnover",
                            "roi",
                            "return on investment",
                            "engagement",
                            "upsell",
                            "upsells",
                            "adoption",
                            "user adoption",
                            "brand awareness",
                            "market penetration"});
  x.feature_verbs = Words({"add", "build", "implement", "integrate", "develop",
                           "ship", "redesign", "deploy", "launch", "install",
                           "code", "program", "automate"});
  x.modals = Words({"should", "must", "shall", "needs", "need", "ought"});
  x.subjects = Words({"the", "a", "an", "we", "our", "users", "customers", "it",
                      "they", "this", "there", "you", "i"});
  x.determiners = Words({"the", "our", "a", "an", "my", "your", "their", "its",
                         "his", "her", "total", "overall"});
  x.stopwords = Words(
      {"the",  "a",     "an",    "of",   "to",    "in",     "on",     "at",
       "for",  "with",  "by",    "from", "that",  "which",  "who",    "is",
       "are",  "be",    "been",  "it",   "its",   "their",  "them",   "they",
       "this", "these", "those", "when", "while", "during", "before", "after",
       "as",   "into",  "and",   "or",   "so",    "can",    "i",      "my",
       "we",   "our",   "s",     "'s"});
  x.story_situation = MakePhrases({"when", "whenever", "while", "once", "if"});
  x.story_persona = MakePhrases({"as a", "as an", "as the"});
  x.story_motivation = MakePhrases({"i want to", "i want", "i'd like to",
                                    "i would like to", "i need to", "i need",
                                    "i'd like", "i would like", "i wish to"});
  x.story_outcome =
      MakePhrases({"so i can", "so that i can", "so that i", "so that", "so i",
                   "in order to", "so we can"});
  x.markers =
      Words({"the",        "of",     "to",       "and",      "that", "when",
             "it",         "a",      "an",       "is",       "i",    "want",
             "so",         "can",    "minimize", "increase", "time", "takes",
             "likelihood", "number", "in",       "for",      "with", "on"});
  return x;
}

Lexicon MakeFrench() {
  Lexicon x;
  x.language = Language::kFrench;
  x.minimize = "Minimiser";
  x.increase = "Augmenter";
  AddDirections(&x, {"minimiser"}, true, true);
  AddDirections(&x, {"augmenter"}, true, false);
  AddDirections(&x,
                {"réduire", "diminuer", "limiter", "éviter", "prévenir",
                 "abaisser", "éliminer", "raccourcir", "baisser"},
                false, true);
  AddDirections(&x,
                {"améliorer", "maximiser", "accroître", "optimiser",
                 "renforcer", "élever", "hausser"},
                false, false);
  x.metrics = MakePhrases({"le temps nécessaire pour=time",
                           "le temps nécessaire à=time",
                           "le temps nécessaire au=time",
                           "le temps qu'il faut pour=time",
                           "le temps requis pour=time",
                           "le temps passé à=time",
                           "le temps pour=time",
                           "le temps de=time",
                           "le temps d'=time",
                           "la probabilité que=likelihood",
                           "la probabilité qu'=likelihood",
                           "la probabilité de=likelihood",
                           "la probabilité d'=likelihood",
                           "le risque que=likelihood",
                           "le risque qu'=likelihood",
                           "le risque de=likelihood",
                           "le risque d'=likelihood",
                           "le nombre de=number",
                           "le nombre d'=number",
                           "la quantité de=amount",
                           "la quantité d'=amount",
                           "la fréquence à laquelle=frequency",
                           "la fréquence de=frequency",
                           "la fréquence d'=frequency"});
  x.metric_nouns = Words({"temps", "coût", "coûts", "effort", "efforts",
                          "probabilité", "nombre", "quantité", "fréquence",
                          "risque", "argent", "frais", "ressources", "étapes"});
  x.outcome_clarifier_markers =
      Words({"lorsque", "lorsqu'", "quand", "pendant", "durant", "avant",
             "après", "lors", "si", "dès", "jusqu'"});
  x.job_clarifier_markers = Words(
      {"lorsque", "lorsqu'", "quand", "pendant", "durant", "avant", "après",
       "lors",    "en",      "dans",  "avec",    "pour",   "sans",  "à",
       "au",      "aux",     "sur",   "depuis",  "chez",   "dès"});
  x.conjunctions = Words({"et", "ou", "et/ou", "&"});
  x.between = Words({"entre", "si"});
  x.articles = Words({"le", "la", "les", "l'", "un", "une", "des"});
  x.binomials = MakePhrases(
      {"recherche et développement", "noir et blanc", "pertes et profits",
       "questions et réponses", "hygiène et sécurité", "santé et sécurité",
       "conditions générales", "va-et-vient", "entrées et sorties"});
  x.vague = MakePhrases({"rapidement",    "facilement",   "très",
                         "souvent",       "fréquemment",  "significativement",
                         "extrêmement",   "généralement", "vraiment",
                         "simplement",    "efficacement", "aisément",
                         "intuitivement", "mieux",        "meilleur",
                         "meilleure",     "meilleurs",    "meilleures",
                         "plus vite",     "sans effort",  "optimal",
                         "optimale",      "optimaux",     "fluide",
                         "fluidement",    "au plus vite", "rapide",
                         "rapides",       "assez",        "considérablement",
                         "nettement"});
  x.solutions = MakePhrases(Join({"appli",
                                  "applis",
                                  "application",
                                  "applications",
                                  "logiciel",
                                  "logiciels",
                                  "site web",
                                  "site internet",
                                  "page web",
                                  "tableau de bord",
                                  "tableaux de bord",
                                  "bouton",
                                  "boutons",
                                  "clic",
                                  "clics",
                                  "menu déroulant",
                                  "base de données",
                                  "algorithme",
                                  "cloud",
                                  "application mobile",
                                  "portail",
                                  "fonctionnalité",
                                  "fonctionnalités",
                                  "tableur",
                                  "intelligence artificielle",
                                  "ia",
                                  "écran",
                                  "onglet",
                                  "case à cocher",
                                  "interface utilisateur",
                                  "fenêtre contextuelle"},
                                 SharedSolutions()));
  x.business = MakePhrases({"chiffre d'affaires",
                            "ventes",
                            "bénéfice",
                            "bénéfices",
                            "profit",
                            "profits",
                            "rentabilité",
                            "marge",
                            "marges",
                            "part de marché",
                            "parts de marché",
                            "taux de conversion",
                            "conversion",
                            "conversions",
                            "attrition",
                            "churn",
                            "rétention",
                            "fidélisation",
                            "satisfaction client",
                            "satisfaction des clients",
                            "acquisition de clients",
                            "croissance",
                            "roi",
                            "retour sur investissement",
                            "engagement",
                            "notoriété",
                            "taux d'adoption",
                            "adoption"});
  x.feature_verbs = Words({"ajouter", "développer", "implémenter", "intégrer",
                           "déployer", "lancer", "installer", "coder",
                           "programmer", "automatiser", "refondre"});
  x.modals = Words({"devrait", "doit", "devraient", "doivent", "faut",
                    "faudrait", "pourrait"});
  x.subjects = Words({"le", "la", "les", "l'", "un", "une", "nous", "il", "on",
                      "notre", "nos", "ce", "cette", "vous", "je", "j'"});
  x.determiners = Words({"le", "la", "les", "l'", "notre", "nos", "un", "une",
                         "votre", "vos", "leur", "leurs", "du", "des", "de",
                         "d'", "son", "sa", "ses"});
  x.stopwords = Words(
      {"le",    "la",      "les",    "l'",   "un",    "une",     "des",
       "du",    "de",      "d'",     "à",    "au",    "aux",     "en",
       "dans",  "pour",    "par",    "sur",  "avec",  "qui",     "que",
       "qu'",   "est",     "sont",   "être", "soit",  "lorsque", "lorsqu'",
       "quand", "pendant", "durant", "lors", "avant", "après",   "et",
       "ou",    "se",      "s'",     "ce",   "cette", "son",     "sa",
       "ses",   "leur",    "leurs",  "je",   "j'",    "il",      "elle",
       "on",    "nous",    "ne",     "n'",   "afin"});
  x.story_situation = MakePhrases({"quand", "lorsque", "lorsqu'", "dès que",
                                   "dès qu'", "si", "chaque fois que"});
  x.story_persona = MakePhrases({"en tant que", "en tant qu'"});
  x.story_motivation =
      MakePhrases({"je veux", "je souhaite", "j'aimerais", "je voudrais",
                   "j'ai besoin de", "j'ai besoin d'", "nous voulons"});
  x.story_outcome = MakePhrases(
      {"afin de pouvoir", "afin de", "afin d'", "afin que", "afin qu'",
       "pour pouvoir", "pour que", "pour qu'", "de sorte que", "de façon à"});
  x.markers =
      Words({"le",        "la",    "les",        "l'",          "de",
             "des",       "du",    "d'",         "pour",        "que",
             "qu'",       "et",    "ou",         "un",          "une",
             "je",        "veux",  "quand",      "lorsque",     "minimiser",
             "augmenter", "temps", "nécessaire", "probabilité", "nombre",
             "à",         "en",    "afin",       "dans",        "est",
             "soit"});
  return x;
}

}  // namespace

PhraseList MakePhrases(const std::vector<std::string>& entries) {
  PhraseList list;
  for (const std::string& entry : entries) {
    Phrase phrase;
    const size_t equals = entry.find('=');
    phrase.text = entry.substr(0, equals);
    if (equals != std::string::npos) phrase.tag = entry.substr(equals + 1);
    phrase.keys = PhraseKeys(phrase.text);
    if (!phrase.keys.empty()) list.push_back(std::move(phrase));
  }
  std::stable_sort(list.begin(), list.end(),
                   [](const Phrase& a, const Phrase& b) {
                     return a.keys.size() > b.keys.size();
                   });
  return list;
}

bool MatchesAt(const std::vector<Token>& tokens, size_t index,
               const Phrase& phrase) {
  if (index + phrase.keys.size() > tokens.size()) return false;
  for (size_t k = 0; k < phrase.keys.size(); ++k) {
    if (tokens[index + k].key != phrase.keys[k]) return false;
  }
  return true;
}

const Phrase* MatchAny(const std::vector<Token>& tokens, size_t index,
                       const PhraseList& list) {
  for (const Phrase& phrase : list) {
    if (MatchesAt(tokens, index, phrase)) return &phrase;
  }
  return nullptr;
}

const Lexicon& EnglishLexicon() {
  static const Lexicon* const kLexicon = new Lexicon(MakeEnglish());
  return *kLexicon;
}

const Lexicon& FrenchLexicon() {
  static const Lexicon* const kLexicon = new Lexicon(MakeFrench());
  return *kLexicon;
}

const Lexicon& LexiconFor(Language language) {
  return language == Language::kFrench ? FrenchLexicon() : EnglishLexicon();
}

}  // namespace statements
}  // namespace jtbd

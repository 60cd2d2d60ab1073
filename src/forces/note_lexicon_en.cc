// English phrases that suggest a force in a CRM note. Patterns are written
// in CompilePhrase's syntax: "a|b" alternatives, "word*" any ending (for
// inflections), "_" up to three words. Weights are the confidence of a
// plain match: strong, unambiguous words (worried, fed up) near 0.85;
// words that suggest a force only often (problem, wants) near 0.5.
#include "forces/note_lexicon.h"

namespace jtbd {
namespace forces {

namespace {
constexpr v1::Force kPush = v1::FORCE_PUSH;
constexpr v1::Force kPull = v1::FORCE_PULL;
constexpr v1::Force kAnxiety = v1::FORCE_ANXIETY;
constexpr v1::Force kHabit = v1::FORCE_HABIT;
}  // namespace

const std::vector<PhraseRow>& EnglishPhraseRows() {
  static const auto* rows = new std::vector<PhraseRow>{
      // Push: what goes wrong with the present way.
      {kPush, "frustrat*", 0.8},
      {kPush, "fed up", 0.85},
      {kPush, "sick|tired of", 0.85},
      {kPush, "complain*", 0.8},
      {kPush, "nightmare*", 0.8},
      {kPush, "pain|painful|painpoint|painpoints", 0.75},
      {kPush, "pain points", 0.75},
      {kPush, "struggl*", 0.75},
      {kPush, "crash|crashes|crashing|crashed", 0.75},
      {kPush, "breaks|broken|breaking|breakdown*", 0.65},
      {kPush, "keep|keeps|kept crash*|break*|fail*|freez*|los*", 0.8},
      {kPush, "bug|bugs|buggy|glitch*", 0.7},
      {kPush, "slow|sluggish", 0.65},
      {kPush, "clunky|cumbersome|outdated|obsolete|antiquated", 0.75},
      {kPush, "unreliable|unstable", 0.8},
      {kPush, "outage|outages", 0.75},
      {kPush, "error|errors|mistakes", 0.6},
      {kPush, "terrible|awful|horrible|dreadful|poor", 0.7},
      {kPush, "hate|hates|hated", 0.75},
      {kPush, "annoy*|irritat*", 0.75},
      {kPush, "problem|problems|problematic", 0.6},
      {kPush, "issue|issues", 0.55},
      {kPush, "waste|wastes|wasting|wasted", 0.7},
      {kPush, "forever", 0.65},
      {kPush, "too long|slow", 0.75},
      {kPush, "too many|much", 0.6},
      {kPush, "no longer", 0.65},
      {kPush, "not scal*|work|working|cope", 0.7},
      {kPush, "lack|lacks|lacking", 0.65},
      {kPush, "missing", 0.55},
      {kPush, "can not|cannot handle|support|cope|do|scale", 0.7},
      {kPush, "manual|manually", 0.55},
      {kPush, "messy|mess|chaos|chaotic", 0.65},
      {kPush, "duplicat*", 0.55},
      {kPush, "expensive|overpriced|costly", 0.55},
      {kPush,
       "lose|loses|losing|lost deals|customers|clients|money|"
       "revenue|business|sales|hours|time",
       0.7},
      {kPush, "disappoint*|unhappy|dissatisf*", 0.8},
      {kPush, "limitation*|limited", 0.6},
      {kPush, "hard|difficult|impossible to use|maintain|find|get", 0.65},
      {kPush, "fail|fails|failing", 0.55},
      {kPush, "delay|delays|delayed", 0.55},
      {kPush, "headache*", 0.75},
      {kPush, "no|not good enough", 0.7},
      // Pull: what attracts them to the new way.
      {kPull, "love|loved|loves|loving", 0.75},
      {kPull, "liked|likes", 0.65},
      {kPull, "like|likes|liked our|the|your", 0.6},
      {kPull, "excited|exciting|excitement", 0.8},
      {kPull, "impressed|impressive", 0.8},
      {kPull, "blown away", 0.85},
      {kPull, "game changer", 0.85},
      {kPull, "game-changer", 0.85},
      {kPull, "keen", 0.75},
      {kPull, "interested|interest", 0.65},
      {kPull, "attract*", 0.75},
      {kPull, "appeal|appeals|appealed|appealing", 0.75},
      {kPull, "draw", 0.6},
      {kPull, "selling point*", 0.8},
      {kPull, "appreciat*", 0.7},
      {kPull, "save|saves|saving|saved _ time|hours|days|money|effort", 0.75},
      {kPull, "want|wants|wanted", 0.5},
      {kPull, "would like", 0.6},
      {kPull, "asked|ask|asks for _ trial|pilot|poc|demo", 0.65},
      {kPull, "easy|easier|simpler|intuitive|seamless", 0.55},
      {kPull, "faster|quicker", 0.6},
      {kPull, "value", 0.5},
      {kPull, "benefit|benefits", 0.55},
      {kPull, "visibility", 0.5},
      {kPull, "enthusias*|eager", 0.8},
      {kPull, "favourite|favorite", 0.6},
      {kPull, "promising", 0.6},
      {kPull, "wow|wowed|delighted|thrilled", 0.8},
      {kPull, "sold on", 0.8},
      {kPull, "can not|cannot wait", 0.8},
      // Anxiety: what might go wrong with the new way.
      {kAnxiety, "worr*", 0.85},
      {kAnxiety, "concern|concerns|concerned", 0.75},
      {kAnxiety, "afraid|fear|fears|feared|fearful|scared|scary|frighten*",
       0.85},
      {kAnxiety, "nervous|anxious|anxiety|apprehensi*", 0.85},
      {kAnxiety, "hesita*", 0.75},
      {kAnxiety, "unsure|uncertain|uncertainty", 0.7},
      {kAnxiety, "not sure|certain|convinced", 0.7},
      {kAnxiety, "doubt|doubts|doubtful", 0.7},
      {kAnxiety, "risk|risks|risky", 0.7},
      {kAnxiety, "wary|cautious|skeptical|sceptical", 0.75},
      {kAnxiety, "learning curve", 0.75},
      {kAnxiety, "switching cost|costs", 0.75},
      {kAnxiety, "cost of switching|migrating|migration|change", 0.75},
      {kAnxiety, "lockin", 0.75},
      {kAnxiety, "lock|locked in", 0.75},
      {kAnxiety, "disrupt*", 0.7},
      {kAnxiety, "what if", 0.6},
      {kAnxiety, "not adopt", 0.65},
      {kAnxiety, "downtime", 0.55},
      {kAnxiety, "go|goes|going|went wrong", 0.7},
      {kAnxiety,
       "lose|losing|lost|loss of _ data|history|historical|"
       "customizations|customisations|work|records|settings",
       0.7},
      {kAnxiety, "stress|stressed|stressful", 0.7},
      {kAnxiety, "push back|pushback", 0.55},
      // Habit: what keeps them attached to the present way.
      {kHabit, "used to", 0.7},
      {kHabit, "always done|used|worked|been|had", 0.75},
      {kHabit, "comfortable|comfy", 0.7},
      {kHabit, "familiar", 0.65},
      {kHabit, "attached to", 0.8},
      {kHabit, "loyal|loyalty", 0.75},
      {kHabit, "stick|sticks|sticking|stay|stays|staying with", 0.75},
      {kHabit, "happy|content|glad to stay|remain", 0.8},
      {kHabit, "resist|resists|resisting|resistance|resistant", 0.75},
      {kHabit, "reluctant|reluctance", 0.65},
      {kHabit, "inertia", 0.85},
      {kHabit, "set in _ ways", 0.85},
      {kHabit, "prefer|prefers|preferred", 0.55},
      {kHabit, "no reason to", 0.75},
      {kHabit, "not see|see _ need|point|reason", 0.75},
      {kHabit,
       "not want|wants to _ chang*|switch*|move|learn*|retrain*|"
       "lose|leave|give",
       0.75},
      {kHabit, "nobody|no one want|wants to", 0.7},
      {kHabit, "inside out", 0.7},
      {kHabit, "by heart", 0.7},
      {kHabit, "habit|habits", 0.75},
      {kHabit, "routine", 0.6},
      {kHabit, "for|these _ years", 0.5},
      {kHabit, "since 19*|20*", 0.5},
      {kHabit, "same tool|system|vendor|software|process", 0.5},
      {kHabit, "old way|ways", 0.6},
      {kHabit, "the way _ always", 0.7},
      {kHabit, "if it ain't broke", 0.8},
  };
  return *rows;
}

}  // namespace forces
}  // namespace jtbd

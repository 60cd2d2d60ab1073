#ifndef JTBD_CORE_OUTCOME_H_
#define JTBD_CORE_OUTCOME_H_

#include <string>

namespace jtbd {

// A desired outcome as the core needs it (the full model is
// jtbd.v1.DesiredOutcome).
struct Outcome {
  std::string id;         // non-empty, unique within a study
  std::string statement;  // may be empty
  std::string job_step_id;

  friend bool operator==(const Outcome& a, const Outcome& b) {
    return a.id == b.id && a.statement == b.statement &&
           a.job_step_id == b.job_step_id;
  }
};

}  // namespace jtbd

#endif  // JTBD_CORE_OUTCOME_H_
